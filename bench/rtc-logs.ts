// rtc-node starts its FFI runtime with log capture on and hands every native log record (libwebrtc
// info, WebSocket debug: thousands per connect) to JavaScript as its own event, which every Room of
// the process then examines; nothing reads them. A phone's livekit-client has no such cost, so the
// benchmarks' load generators drop them at the emitter (JOINS_KEEP_NATIVE_LOGS=1 keeps them).

let dropped = false;

/** Drops rtc-node's native log events; call after the first connect has begun (the runtime exists). */
export function dropNativeLogEvents() {
  if (dropped || process.env.JOINS_KEEP_NATIVE_LOGS === '1') return;
  const ffi = (globalThis as { _ffiClientInstance?: NodeJS.EventEmitter })._ffiClientInstance;
  if (!ffi) return;
  dropped = true;
  const emit = ffi.emit.bind(ffi);
  ffi.emit = (name: string | symbol, ...args: unknown[]) =>
    (args[0] as { message?: { case?: string } } | undefined)?.message?.case === 'logs'
      ? false
      : emit(name, ...args);
}
