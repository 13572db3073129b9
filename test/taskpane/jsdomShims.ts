/**
 * Browser APIs Fluent UI uses that jsdom lacks. Import first in component
 * tests. Only layout observation is stubbed: jsdom does no layout anyway.
 */
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window !== "undefined" && !("ResizeObserver" in window))
  Object.defineProperty(window, "ResizeObserver", { value: ResizeObserverStub, writable: true });
