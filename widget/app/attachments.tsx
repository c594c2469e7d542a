import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { Attachment, FileLimits } from "../../protocol/files.ts";
import { format } from "../../protocol/format.ts";
import type { Messages } from "../i18n/messages.ts";

/** The words these parts say, in the widget's language or the inbox's. */
export type FileTexts = Pick<
  Messages,
  | "attachments"
  | "removeFile"
  | "uploading"
  | "fileTooLarge"
  | "fileRefused"
  | "tooManyFiles"
  | "uploadFailed"
  | "uploadNetwork"
>;

/** A file the customer picked, pasted or dropped, on its way to the server. */
export interface Draft {
  key: string;
  name: string;
  /** A local preview of an image, before (and while) it uploads. */
  preview?: string;
  /** 0 to 1 while uploading. */
  progress: number;
  uploaded?: Attachment;
  error?: string;
  abort?: () => void;
}

export interface UploadTarget {
  url: string;
  token: string | undefined;
}

/**
 * The files of the message being written: each uploads as soon as it is added (the upload
 * code loads then), shows its progress, and can be removed; the message goes when all are up.
 */
export function useAttachments(limits: FileLimits, target: () => UploadTarget, en: FileTexts) {
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const live = useRef(drafts);
  live.current = drafts;
  const change = (key: string, patch: Partial<Draft>) =>
    setDrafts((all) => all.map((draft) => (draft.key === key ? { ...draft, ...patch } : draft)));
  useEffect(() => () => clear(live.current), []);

  /** Said above the box when a file could not be added at all (too many of them). */
  const [notice, setNotice] = useState("");

  async function add(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    const taken = files.slice(0, Math.max(0, limits.perMessage - live.current.length));
    setNotice(
      taken.length < files.length ? format(en.tooManyFiles, { count: limits.perMessage }) : "",
    );
    const added = taken.map((file) => ({
      key: crypto.randomUUID(),
      // A pasted screenshot has a generic name, or none.
      name: file.name || "image.png",
      progress: 0,
      ...(file.type.startsWith("image/") ? { preview: URL.createObjectURL(file) } : {}),
    }));
    setDrafts((all) => [...all, ...added]);
    const { refusal, upload } = await import("./upload.ts");
    taken.forEach((file, index) => {
      const draft = added[index];
      if (!draft) return;
      const refused = refusal(file, limits);
      if (refused) {
        const max = refused.text === "fileTooLarge" ? refused.max : 0;
        change(draft.key, { error: format(en[refused.text], { name: draft.name, max }) });
        return;
      }
      const sending = upload(target(), file, draft.name, (progress) =>
        change(draft.key, { progress }),
      );
      change(draft.key, { abort: sending.abort });
      sending.done.then(
        (uploaded) => change(draft.key, { uploaded, progress: 1 }),
        (error: Error) => {
          if (error.message === "aborted") return;
          const reason = error.message === "network" ? en.uploadNetwork : error.message;
          change(draft.key, { error: format(en.uploadFailed, { name: draft.name, reason }) });
        },
      );
    });
  }

  return {
    drafts,
    notice,
    add,
    /** For the message box: pasted files (a screenshot) join the message; text pastes as usual. */
    paste(event: ClipboardEvent): void {
      const pasted = [...(event.clipboardData?.files ?? [])];
      if (limits.types.length === 0 || pasted.length === 0) return;
      event.preventDefault();
      void add(pasted);
    },
    remove(key: string): void {
      const draft = live.current.find((item) => item.key === key);
      if (draft) clear([draft]);
      setNotice("");
      setDrafts((all) => all.filter((item) => item.key !== key));
    },
    /** Every file is up and none failed: what the message carries. */
    ready(): Attachment[] | undefined {
      const all = live.current;
      if (all.some((draft) => !draft.uploaded)) return undefined;
      return all.flatMap((draft) => (draft.uploaded ? [draft.uploaded] : []));
    },
    /** The message went, or went elsewhere: the tray empties (the previews' memory is freed). */
    clear(): void {
      clear(live.current);
      setNotice("");
      setDrafts([]);
    },
  };
}

function clear(drafts: readonly Draft[]): void {
  for (const draft of drafts) {
    draft.abort?.();
    if (draft.preview) URL.revokeObjectURL(draft.preview);
  }
}

/** The button that opens the browser's file chooser, with what the admin allows. */
export function FilePicker({
  limits,
  onFiles,
  label,
  class: className,
  children,
}: {
  limits: FileLimits;
  onFiles: (files: File[]) => void;
  label: string;
  class: string;
  children: ComponentChildren;
}) {
  const picker = useRef<HTMLInputElement>(null);
  if (limits.types.length === 0) return null;
  return (
    <>
      <input
        ref={picker}
        type="file"
        multiple
        hidden
        accept={limits.types.join(",")}
        onChange={(event) => {
          onFiles([...(event.currentTarget.files ?? [])]);
          event.currentTarget.value = "";
        }}
      />
      <button
        type="button"
        class={className}
        aria-label={label}
        title={label}
        onClick={() => picker.current?.click()}
      >
        {children}
      </button>
    </>
  );
}

/** The files waiting to go with the message, above the box. */
export function Tray({
  drafts,
  onRemove,
  texts: en,
}: {
  drafts: Draft[];
  onRemove: (key: string) => void;
  texts: FileTexts;
}) {
  if (drafts.length === 0) return null;
  return (
    <ul class="tray" aria-label={en.attachments}>
      {drafts.map((draft) => (
        <li key={draft.key} class={draft.error ? "draft failed" : "draft"}>
          {draft.preview && (
            // A page whose CSP refuses blob: pictures shows the name alone.
            <img
              src={draft.preview}
              alt=""
              onError={(event) => {
                event.currentTarget.hidden = true;
              }}
            />
          )}
          <span class="draft-name" dir="auto">
            {draft.name}
          </span>
          {draft.error ? (
            <span role="alert">{draft.error}</span>
          ) : (
            !draft.uploaded && (
              <progress
                max={1}
                value={draft.progress}
                aria-label={format(en.uploading, { name: draft.name })}
              />
            )
          )}
          <button
            type="button"
            class="icon-button"
            aria-label={format(en.removeFile, { name: draft.name })}
            onClick={() => onRemove(draft.key)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A message's files: pictures shown, documents as links, each from the chat server. */
export function FileList({ files, server }: { files: readonly Attachment[]; server: string }) {
  return (
    <ul class="files">
      {files.map((file) => {
        const href = file.url ? new URL(file.url, server).href : undefined;
        const isImage = file.type.startsWith("image/") && file.width && file.height;
        const label = (
          <>
            {file.name} <small>({size(file.size)})</small>
          </>
        );
        return (
          <li key={file.id} dir="auto">
            {!href ? (
              // Not stored yet (still in the outbox): no link to it.
              label
            ) : isImage ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                <img src={href} alt={file.name} width={file.width} height={file.height} />
              </a>
            ) : (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {label}
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function size(bytes: number): string {
  const unit = bytes < 1024 * 1024 ? "kilobyte" : "megabyte";
  const value = bytes / (unit === "kilobyte" ? 1024 : 1024 * 1024);
  return new Intl.NumberFormat(undefined, {
    style: "unit",
    unit,
    unitDisplay: "short",
    maximumFractionDigits: 1,
  }).format(Math.max(value, 0.1));
}
