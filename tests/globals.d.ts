// The File System Access picker, which TypeScript's DOM types do not include yet.
interface Window {
  showOpenFilePicker(options?: unknown): Promise<Array<{ name: string; getFile(): Promise<File> }>>;
}

// web-ext ships no types; the tests and scripts use `cmd.lint` and `cmd.build`.
declare module 'web-ext' {
  const webExt: {
    cmd: {
      lint(params: object, options?: object): Promise<unknown>;
      build(params: object, options?: object): Promise<unknown>;
    };
  };
  export default webExt;
}
