import { writeFixtureFiles } from './files';

export default function setup(): void {
  writeFixtureFiles();
}
