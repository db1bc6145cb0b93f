import password from '@inquirer/password';

/**
 * A password for a command-line tool: the first line of standard input (for scripts:
 * `echo "$PW" | co2-calculator create-admin --email … --password-stdin`), or a prompt that
 * masks what is typed. Never a command-line argument: those show in `ps` and shell history.
 */
export async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.split(/\r?\n/, 1)[0] ?? '';
  }
  return password({ message: 'Password (12 characters or more):', mask: '*' });
}
