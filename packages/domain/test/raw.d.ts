// Vite's `?raw` suffix imports a file's text (used to compare docs with code).
declare module '*.md?raw' {
  const text: string;
  export default text;
}
