// `npm run package` refuses to package a version that already has a git tag (v<version>), so two
// different uploads never share a number: raise `version` in package.json (and add its
// CHANGELOG.md entry) first. `--allow-tagged-version` packages it anyway (rebuilding a release).

/** Why packaging `version` must stop, or null. `tags`: the repository's tags. */
export function versionProblem(version, tags, allowTagged = false) {
  if (!/^\d+\.\d+\.\d+$/.test(version)) return `version "${version}" is not major.minor.patch`;
  if (!allowTagged && tags.includes(`v${version}`))
    return `version ${version} is already tagged v${version}: raise "version" in package.json (and CHANGELOG.md), or pass --allow-tagged-version to rebuild that release`;
  return null;
}
