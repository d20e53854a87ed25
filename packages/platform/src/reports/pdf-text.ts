/**
 * The PDF uses the 14 standard fonts (no font files shipped, no downloads), which can only draw
 * Windows-1252 (WinAnsi) characters. Customer data may hold anything, so text is mapped to the
 * closest WinAnsi form and the rest becomes "?" rather than a wrong glyph.
 */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = {
  '\u2212': '-',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u2248': '~',
  '\u2192': '->',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u00a0': ' ',
};

export function pdfSafeText(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
    else if ((c >= 32 && c <= 126) || (c >= 0xa1 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (ch === '\n' || ch === '\t') out += ch === '\n' ? '\n' : ' ';
    else out += '?';
  }
  return out;
}
