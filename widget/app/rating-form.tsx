import { useState } from "preact/hooks";
import { format } from "../../protocol/format.ts";
import type { Rating } from "../../protocol/index.ts";
import { MAX_COMMENT_LENGTH } from "../../protocol/limits.ts";
import { useTexts } from "./texts.ts";

/**
 * After the conversation was resolved (by a person, or by the bot the customer thanked): 1 to 5
 * and an optional comment, asked once.
 */
export function RatingForm({
  rating,
  onRate,
}: {
  rating: Rating | undefined;
  onRate: (score: number, comment: string) => void;
}) {
  const en = useTexts();
  const [score, setScore] = useState<number>();
  const [comment, setComment] = useState("");
  if (rating) {
    return (
      <p class="rating-done" role="status">
        {en.rateThanks}
      </p>
    );
  }
  return (
    <form
      class="rating"
      onSubmit={(event) => {
        event.preventDefault();
        if (score !== undefined) onRate(score, comment.trim());
      }}
    >
      <fieldset>
        <legend>{en.rateQuestion}</legend>
        <div class="scores">
          {en.rateWords.split("|").map((word, index) => {
            const value = index + 1;
            return (
              <label
                key={value}
                class={`score${score !== undefined && value <= score ? " lit" : ""}`}
              >
                <input
                  type="radio"
                  name="hfc-score"
                  value={value}
                  checked={score === value}
                  aria-label={`${format(en.rateScore, { score: value })}: ${word}`}
                  onChange={() => setScore(value)}
                />
                <span aria-hidden="true">
                  <b>★</b>
                  {word}
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      {score !== undefined && (
        <div class="rating-more">
          <textarea
            aria-label={en.rateComment}
            placeholder={en.rateComment}
            rows={2}
            maxLength={MAX_COMMENT_LENGTH}
            dir="auto"
            value={comment}
            onInput={(event) => setComment(event.currentTarget.value)}
          />
          <button type="submit" class="send-button">
            {en.rateSend}
          </button>
        </div>
      )}
    </form>
  );
}
