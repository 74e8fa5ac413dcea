// Splitting an argument string into words the way a POSIX shell does, for `--args "a 'b c'"` and
// the debugger's `args` string: the words become the C program's argv. Quoting is honoured
// (single quotes keep everything literally, double quotes keep everything but `\"`, `\\`, `\$`
// and `` \` ``, a backslash outside quotes keeps the next character); nothing is expanded (no
// variables, globs or command substitution), because no shell runs: what the user typed is what
// the program gets. Operators such as `|` or `>` are ordinary characters for the same reason.

export class ShellWordsError extends Error {}

/** The words of `text`; throws ShellWordsError for an unterminated quote. */
export function splitShellWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new ShellWordsError(`unterminated ' quote at character ${i + 1} of the arguments`);
      word += text.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && j + 1 < text.length && '"\\$`\n'.includes(text[j + 1])) {
          // A backslash-newline inside double quotes is a line continuation: both vanish.
          if (text[j + 1] !== '\n') word += text[j + 1];
          j++;
        } else word += text[j];
      }
      if (j >= text.length)
        throw new ShellWordsError(`unterminated " quote at character ${i + 1} of the arguments`);
      i = j;
    } else if (c === '\\') {
      // A backslash that ends the text has nothing to quote: shells (dash, bash) keep it.
      if (i + 1 >= text.length) {
        word += c;
        continue;
      }
      i++;
      if (text[i] === '\n') {
        // Line continuation: the backslash and the newline vanish, the word goes on.
        if (!word) inWord = false;
      } else word += text[i];
    } else word += c;
  }
  if (inWord) words.push(word);
  return words;
}
