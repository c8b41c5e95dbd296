// Toasts (antd `message`) that close on a plain timer and on navigation. antd times a toast
// by differences of Date.now(), so under a fixed clock (Playwright's clock, a paused
// debugger) a "saved" toast never leaves and covers the header. The screens keep calling
// App.useApp().message; this scope hands them the same API with the closing done here.
import { App } from 'antd';
import AppContext, { type useAppProps } from 'antd/es/app/context';
import type {
  ArgsProps,
  JointContent,
  MessageInstance,
  NoticeType,
} from 'antd/es/message/interface';
import { isValidElement, useEffect, useMemo, useRef, type Key, type ReactNode } from 'react';

/** How long a success or info toast stays: long enough to read one short sentence. */
export const SHORT_TOAST_MS = 2500;
/** Warnings and errors say what to do next: they stay longer. */
export const LONG_TOAST_MS = 6000;

function isArgs(content: JointContent): content is ArgsProps {
  return (
    typeof content === 'object' &&
    content !== null &&
    !isValidElement(content) &&
    'content' in content
  );
}

interface Tracked {
  timer: ReturnType<typeof setTimeout> | null;
  /** Success and info toasts close when the person navigates; warnings and errors stay. */
  short: boolean;
}

/** The message API with its timing taken over, and `closeShort` for navigation. */
function timedMessages(api: MessageInstance): {
  message: MessageInstance;
  closeShort: () => void;
  dispose: () => void;
} {
  const tracked = new Map<Key, Tracked>();
  let counter = 0;

  const forget = (key: Key): void => {
    const entry = tracked.get(key);
    if (entry?.timer) clearTimeout(entry.timer);
    tracked.delete(key);
  };

  const open = (args: ArgsProps): ReturnType<MessageInstance['open']> => {
    const key = args.key ?? `dv-toast-${++counter}`;
    const type: NoticeType = args.type ?? 'info';
    const short = type === 'success' || type === 'info';
    const ms =
      args.duration === 0
        ? null
        : args.duration !== undefined && args.duration !== null
          ? args.duration * 1000
          : short
            ? SHORT_TOAST_MS
            : LONG_TOAST_MS;
    forget(key);
    const timer =
      ms === null
        ? null
        : setTimeout(() => {
            tracked.delete(key);
            api.destroy(key);
          }, ms);
    tracked.set(key, { timer, short });
    const onClose = args.onClose;
    return api.open({
      ...args,
      key,
      // antd's own timer is off: it would never fire under a fixed clock.
      duration: 0,
      onClose: () => {
        forget(key);
        onClose?.();
      },
    });
  };

  const typed =
    (type: NoticeType) =>
    (
      content: JointContent,
      duration?: number | VoidFunction,
      onClose?: VoidFunction,
    ): ReturnType<MessageInstance['open']> => {
      const args: ArgsProps = isArgs(content) ? { ...content } : { content };
      if (typeof duration === 'function') args.onClose ??= duration;
      else if (typeof duration === 'number') args.duration = duration;
      if (onClose) args.onClose ??= onClose;
      return open({ ...args, type });
    };

  const message: MessageInstance = {
    open,
    success: typed('success'),
    info: typed('info'),
    warning: typed('warning'),
    error: typed('error'),
    loading: typed('loading'),
    destroy: (key?: Key) => {
      if (key === undefined) for (const k of [...tracked.keys()]) forget(k);
      else forget(key);
      api.destroy(key);
    },
  };

  return {
    message,
    closeShort: () => {
      for (const [key, entry] of [...tracked]) {
        if (!entry.short) continue;
        forget(key);
        api.destroy(key);
      }
    },
    dispose: () => {
      for (const key of [...tracked.keys()]) {
        forget(key);
        api.destroy(key);
      }
    },
  };
}

/**
 * Gives its children (the screens) toasts that close after SHORT_TOAST_MS (success, info)
 * or LONG_TOAST_MS by setTimeout, and closes the success and info toasts whenever
 * `navigation` changes.
 */
export function ToastScope({ navigation, children }: { navigation: unknown; children: ReactNode }) {
  const outer: useAppProps = App.useApp();
  const timed = useMemo(() => timedMessages(outer.message), [outer.message]);
  useEffect(() => () => timed.dispose(), [timed]);

  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    timed.closeShort();
  }, [navigation, timed]);

  const value = useMemo(() => ({ ...outer, message: timed.message }), [outer, timed]);
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}
