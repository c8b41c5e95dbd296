// Permission requests from web content (camera, microphone, geolocation, notifications,
// clipboard-read, media, MIDI, HID, serial, USB, …). The app asks for none, so every
// request and every check is denied; GRANTED stays empty until a feature needs one.
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

export interface PermissionRequestInfo {
  permission: string;
  /** The URL of the frame asking. */
  requestingUrl: string;
}

/** True only for a permission the app itself needs, asked by the app's own origin. */
export function permissionDecision(request: PermissionRequestInfo): boolean {
  return (
    GRANTED_PERMISSIONS.has(request.permission) && request.requestingUrl.startsWith('app://vault/')
  );
}
