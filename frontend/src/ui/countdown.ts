import { createSignal, onCleanup } from "solid-js";

/** Seconds left until a moment, ticking once a second while positive. */
export function createCountdown() {
  const [until, setUntil] = createSignal(0);
  const [now, setNow] = createSignal(Date.now());
  let timer: ReturnType<typeof setInterval> | undefined;

  const stop = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };
  onCleanup(stop);

  const secondsLeft = () => Math.max(0, Math.ceil((until() - now()) / 1000));

  function start(seconds: number) {
    stop();
    const started = Date.now();
    setNow(started);
    setUntil(started + Math.max(0, seconds) * 1000);
    if (seconds <= 0) return;
    timer = setInterval(() => {
      setNow(Date.now());
      if (secondsLeft() <= 0) stop();
    }, 1000);
  }

  return { secondsLeft, start };
}
