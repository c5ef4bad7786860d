const UNITS = ["KB", "MB", "GB"] as const;
const oneDecimal = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

/**
 * A file's size as people read it, in the same units as the upload limit (1 MB = 1,048,576 bytes, as the server
 * counts): "1 byte", "900 bytes", "1.5 KB", "140 MB". One decimal place below 10 of a unit, none above.
 */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${whole.format(bytes)} ${bytes === 1 ? "byte" : "bytes"}`;
  let size = bytes / 1024;
  let unit = 0;
  while (size >= 1024 && unit < UNITS.length - 1) {
    size /= 1024;
    unit += 1;
  }
  // 1023.96 KB would round to "1,024 KB": say "1 MB" instead.
  if (Math.round(size) >= 1024 && unit < UNITS.length - 1) {
    size /= 1024;
    unit += 1;
  }
  return `${(size < 10 ? oneDecimal : whole).format(size)} ${UNITS[unit]}`;
}
