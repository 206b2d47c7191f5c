// The File System Access picker, which TypeScript's DOM types do not include yet.
interface Window {
  showOpenFilePicker(options?: unknown): Promise<Array<{ name: string; getFile(): Promise<File> }>>;
}
