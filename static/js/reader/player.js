/* The player state: what is heard, from which source, and moving through it.

   It drives the page's own <audio> element. The narration record lists the article's
   segments, one per sentence, in reading order with start/end times. While the narration is
   still rendering the player plays segment after segment as they appear; once it is ready it
   plays the whole-article MP3 and follows it with the segment times. Either way the sentence
   being heard is the one highlighted: highlight follows the audio. */
import { watchNarration } from "../shared/narration.js";
import { applyRate, preview } from "../shared/format.js";

const BACK_TO_START_MS = 3000; // "Câu trước" this far into a sentence restarts it

export function createPlayer(deps) {
  const { audio, narrationUrl, lit, status, resume, view } = deps;
  const state = {
    record: null,        // the narration record, refreshed while rendering
    loading: null,       // the Promise of the first record
    stopWatching: null,
    mode: null,          // "whole" | "segment"
    segment: -1,         // index into record.segments of what is heard
    wanted: null,        // a sentence asked for that is not rendered yet
    wantedSegment: null, // the next segment, when playback reached the rendering edge
    playing: false,      // the reader's intent (audio may be waiting for a segment)
    rate: 1
  };

  const segments = () => (state.record ? state.record.segments : []);
  const isReady = () => !!(state.record && state.record.status === "ready" && state.record.audio_url);

  function totalMs() {
    if (!state.record) return 0;
    if (state.record.duration_ms) return state.record.duration_ms;
    const list = segments();
    return list.length ? (list[list.length - 1].end_ms || 0) : 0;
  }

  function segmentForSentence(sentence) {
    const list = segments();
    for (let i = 0; i < list.length; i++) {
      if (list[i].sentence >= sentence) return i; // a sentence without audio (rare): the next one
    }
    return -1;
  }

  function segmentAtMs(ms) {
    const list = segments();
    for (let i = 0; i < list.length; i++) {
      if (ms < (list[i].end_ms || 0)) return i;
    }
    return list.length - 1;
  }

  function positionMs() {
    const seg = segments()[state.segment];
    if (state.mode === "whole") return audio.currentTime * 1000;
    if (state.mode === "segment" && seg) return (seg.start_ms || 0) + audio.currentTime * 1000;
    return 0;
  }

  /* ---------- the narration record ---------- */

  function loadNarration() {
    if (state.loading) return state.loading;
    status.announce("Đang tạo âm thanh…");
    state.loading = new Promise((resolve, reject) => {
      let first = true;
      state.stopWatching = watchNarration(narrationUrl, (record) => {
        takeRecord(record);
        if (first) { first = false; resolve(record); }
      }, (error) => {
        if (first) {
          first = false;
          state.loading = null; // let the reader try again
          reject(error);
        } else {
          fail(error);
        }
      }, { onBusy: () => status.announce("Hệ thống đang bận, đang thử lại…") });
    });
    return state.loading;
  }

  function takeRecord(record) {
    state.record = record;
    record.segments = (record.segments || []).slice().sort((a, b) => a.index - b.index);
    if (record.status === "failed") {
      fail(new Error(record.message || "Không tạo được âm thanh cho bài này. Xin thử lại sau."));
      return;
    }
    if (record.status === "ready" && record.audio_url) view.downloadFrom(record.audio_url);
    view.duration(totalMs() / 1000, isReady());
    // A segment we were waiting for may have arrived.
    if (state.wanted !== null) {
      const k = segmentForSentence(state.wanted);
      if (k >= 0) {
        state.wanted = null;
        startAtSegment(k, 0);
      }
    } else if (state.wantedSegment !== null && record.segments[state.wantedSegment]) {
      const next = state.wantedSegment;
      state.wantedSegment = null;
      if (state.playing) startAtSegment(next, 0);
    }
    if (state.mode === null && record.status === "ready") view.position();
  }

  /* ---------- playing ---------- */

  function setRate(rate) {
    state.rate = rate;
    applyRate(audio, rate);
    view.position();
  }

  function setSource(url) {
    if (audio.getAttribute("src") !== url) {
      audio.setAttribute("src", url);
      audio.load();
    }
    applyRate(audio, state.rate); // load() resets the rate to the default rate
  }

  function whenMetadata(callback) {
    if (audio.readyState >= 1) { callback(); return; }
    audio.addEventListener("loadedmetadata", callback, { once: true });
  }

  // Point the audio at segment k (+ offset), playing if the reader wants it to.
  function cue(k, offsetMs, then) {
    const seg = segments()[k];
    if (!seg) return;
    state.segment = k;
    state.mode = isReady() ? "whole" : "segment";
    lit.show(seg.sentence);
    setSource(state.mode === "whole" ? state.record.audio_url : seg.audio_url);
    whenMetadata(() => {
      audio.currentTime = ((state.mode === "whole" ? seg.start_ms || 0 : 0) + (offsetMs || 0)) / 1000;
      then();
    });
    view.position();
  }

  function startAtSegment(k, offsetMs) {
    cue(k, offsetMs, resumeAudio);
  }

  function resumeAudio() {
    if (!state.playing) return;
    const started = audio.play();
    if (started && started.catch) {
      started.catch((error) => {
        if (error && error.name === "AbortError") return; // a newer source replaced this one
        state.playing = false;
        view.playing(false);
        status.announce("Trình duyệt chưa cho phát âm thanh. Xin nhấn nút Phát.", { urgent: true });
      });
    }
  }

  function playSentence(sentence) {
    state.playing = true;
    view.playing(true);
    loadNarration().then(() => {
      const k = segmentForSentence(sentence);
      if (k >= 0) {
        state.wanted = null;
        startAtSegment(k, 0);
      } else if (isReady()) {
        status.announce("Câu này không có âm thanh.");
      } else {
        state.wanted = sentence; // takeRecord starts it when the segment is rendered
        lit.show(sentence);
        status.announce("Đang tạo âm thanh cho câu này…");
      }
    }, fail);
  }

  function play() {
    if (state.mode !== null && audio.getAttribute("src") && !audio.ended) {
      state.playing = true;
      view.playing(true);
      status.announce("Tiếp tục đọc.", { asked: true });
      applyRate(audio, state.rate);
      resumeAudio();
      return;
    }
    // Nothing loaded yet: start where the highlight is (the resume point, or a sentence the
    // reader moved to), else at the top.
    const at = lit.current();
    playSentence(at !== null && lit.has(at) ? at : 0);
  }

  function pause() {
    const was = state.playing;
    state.playing = false;
    audio.pause();
    view.playing(false);
    if (was) status.announce("Đã tạm dừng.", { asked: true });
    resume.remember(lit.current(), true);
  }

  function toggle() {
    if (state.playing) pause(); else play();
  }

  function nextSegmentAfterEnd() {
    const k = state.segment + 1;
    if (segments()[k]) {
      startAtSegment(k, 0);
    } else if (isReady()) {
      finished();
    } else {
      state.wantedSegment = k; // still being rendered: the next record starts it
      status.announce("Đang tạo âm thanh…");
    }
  }

  function finished() {
    state.playing = false;
    state.mode = null;
    view.playing(false);
    lit.show(null);
    resume.forget();
    status.announce("Đã đọc xong bài viết.");
  }

  // Move to a sentence; keep playing if we were, otherwise show where we are and say it.
  function jumpTo(sentence) {
    if (state.playing) { playSentence(sentence); return; }
    const k = state.record ? segmentForSentence(sentence) : -1;
    if (k >= 0) {
      cue(k, 0, view.position);
      resume.remember(lit.current(), true);
    } else {
      lit.show(sentence);
    }
    const said = preview(lit.text(sentence), 80);
    status.announce("Câu " + (sentence + 1) + " trên " + lit.count() + ": " + said +
                    (/[.!?…]$/.test(said) ? " " : ". ") + "Nhấn K để đọc từ đây.");
  }

  function moveSentence(delta) {
    const list = segments();
    if (!state.record) {
      const from = lit.current() === null ? (delta > 0 ? -1 : 0) : lit.current();
      const to = Math.max(0, from + delta);
      if (lit.has(to)) jumpTo(to);
      return;
    }
    const seg = list[state.segment];
    // From the sentence the listener sees lit: at a pause on a segment's edge the player's
    // segment can already be the next one, and J/L must count from what is shown.
    const current = lit.current() !== null ? lit.current() : (seg ? seg.sentence : 0);
    if (delta < 0 && state.mode !== null && positionMs() - ((seg || {}).start_ms || 0) > BACK_TO_START_MS) delta = 0;
    const target = Math.max(0, current + delta);
    if (!lit.has(target) && delta > 0) { status.announce("Đây là câu cuối."); return; }
    jumpTo(target);
  }

  function moveBlock(delta) {
    const to = lit.blockTarget(delta);
    if (to.edge) status.announce(to.edge === "last" ? "Đây là đoạn cuối." : "Đây là đoạn đầu.");
    else jumpTo(to.sentence);
  }

  function seekToSeconds(seconds) {
    if (!state.record) {
      loadNarration().then(() => seekToSeconds(seconds), fail);
      return;
    }
    const ms = Math.max(0, Math.min(totalMs(), seconds * 1000));
    const k = segmentAtMs(ms);
    const seg = segments()[k];
    if (!seg) return;
    if (isReady()) {
      if (state.mode !== "whole") {
        state.mode = "whole";
        setSource(state.record.audio_url);
      }
      state.segment = k;
      whenMetadata(() => {
        audio.currentTime = ms / 1000;
        follow();
        resumeAudio();
      });
    } else {
      startAtSegment(k, ms - (seg.start_ms || 0));
    }
  }

  function fail(error) {
    state.playing = false;
    state.wanted = null;
    state.wantedSegment = null;
    if (state.stopWatching) state.stopWatching();
    audio.pause();
    view.playing(false);
    status.announce((error && error.message) || "Đã có lỗi khi phát âm thanh. Xin thử lại.", { urgent: true });
  }

  // The audio moved: which segment is heard (whole-article MP3), the highlight, the position.
  function follow() {
    const list = segments();
    if (!list.length || state.mode === null) return;
    if (state.mode === "whole") {
      const ms = audio.currentTime * 1000, seg = list[state.segment];
      // Usually still the same segment: check it before searching.
      if (!(seg && ms >= (seg.start_ms || 0) && ms < seg.end_ms)) state.segment = segmentAtMs(ms);
    }
    if (list[state.segment]) lit.show(list[state.segment].sentence);
  }

  function ended() {
    if (state.mode === "segment") nextSegmentAfterEnd();
    else if (state.mode === "whole") finished();
  }

  return {
    state, play, pause, toggle, playSentence, moveSentence, moveBlock, seekToSeconds, fail,
    follow, ended, setRate, positionMs, totalMs, isReady, loadNarration
  };
}
