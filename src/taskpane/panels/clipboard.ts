/**
 * Copying a summary or notice from the task pane, shared by every section
 * that offers a copy button.
 */

/**
 * Copies text: the Clipboard API when the page may use it, else the old
 * select-and-copy on the read-only box. Office's task pane may refuse the
 * Clipboard API (its iframe's permissions policy), so a rejection falls back too.
 *
 * @example
 * await copyText("截至1月20日，…", textarea) //=> true
 */
export async function copyText(text: string, box: HTMLTextAreaElement | null): Promise<boolean> {
  if (typeof navigator !== "undefined" && navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission, or the page is not focused): the fallback below.
    }
  }
  if (!box || typeof document.execCommand !== "function") return false;
  box.focus();
  box.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}
