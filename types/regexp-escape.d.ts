// RegExp.escape (ES2025) is in Node 24 and Chromium; TypeScript 5.9's lib does not declare it yet.
interface RegExpConstructor {
  escape(text: string): string;
}
