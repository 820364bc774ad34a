/* Media Session: the lock screen, headset and keyboard media keys know what plays. */

const supported = () => "mediaSession" in navigator;

export function setupMediaSession(metadata, handlers) {
  if (!supported()) return;
  const session = navigator.mediaSession;
  try {
    session.metadata = new window.MediaMetadata(metadata);
  } catch (e) { /* old browser: metadata is a nicety */ }
  Object.keys(handlers).forEach((action) => {
    try { session.setActionHandler(action, handlers[action]); } catch (e) { /* unsupported action */ }
  });
}

export function showPlaybackState(playing) {
  if (supported()) navigator.mediaSession.playbackState = playing ? "playing" : "paused";
}

export function showMediaPosition(durationS, rate, positionS) {
  if (!supported() || !navigator.mediaSession.setPositionState || !durationS) return;
  try {
    navigator.mediaSession.setPositionState({
      duration: durationS, playbackRate: rate || 1, position: Math.min(durationS, positionS)
    });
  } catch (e) { /* position outside duration while rendering: skip */ }
}
