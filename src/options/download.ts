// Saves text as a file the way a web page does: a Blob behind an object URL, clicked through an
// <a download>. No downloads permission is needed for that.

export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the URL after click() returns; give it time before letting the Blob go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
