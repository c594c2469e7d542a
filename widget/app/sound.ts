// An optional chime for agent replies the customer has not seen; off until they turn it on.
import { readStored, writeStored } from "./storage.ts";

const SOUND_KEY = "hfc:sound";
let audio: AudioContext | undefined;

export function soundWanted(): boolean {
  return readStored<boolean>(SOUND_KEY) === true;
}

/** Called from the toggle's click, so the browser lets the audio context start. */
export function setSoundWanted(wanted: boolean): void {
  writeStored(SOUND_KEY, wanted);
  if (wanted) audio ??= new AudioContext();
}

/** Two soft tones, a quarter second in all. */
export function chime(): void {
  audio ??= new AudioContext();
  const at = audio.currentTime;
  const gain = audio.createGain();
  gain.connect(audio.destination);
  gain.gain.setValueAtTime(0.12, at);
  gain.gain.exponentialRampToValueAtTime(0.001, at + 0.25);
  [660, 880].forEach((frequency, index) => {
    const tone = (audio as AudioContext).createOscillator();
    tone.frequency.value = frequency;
    tone.connect(gain);
    tone.start(at + index * 0.08);
    tone.stop(at + 0.25);
  });
}
