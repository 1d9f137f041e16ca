// Extension and server come from one source tree and carry one version (server/__init__.py);
// a reader running an older server (or an older extension) is told, since the report may differ.

/** A sentence for the reader when the versions differ, or "" when they agree or one is unknown. */
export function versionNote(extensionVersion, serverVersion) {
  if (!extensionVersion || !serverVersion || extensionVersion === serverVersion) return "";
  return `Versions differ: extension ${extensionVersion}, server ${serverVersion}. Update the older one.`;
}
