// The player's keyboard: ← and → open the previous and next lesson (not while typing in a field, nor while a video has
// the focus: there the arrows seek).
document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.altKey || event.ctrlKey || event.metaKey || /^(INPUT|TEXTAREA|SELECT|VIDEO)$/.test(target.tagName) || target.isContentEditable) {
        return;
    }
    var link = document.getElementById(event.key === 'ArrowLeft' ? 'previous' : event.key === 'ArrowRight' ? 'next' : '');
    if (link) {
        window.location.href = link.href;
    }
});

// A lesson's video: resumes where the learner stopped, saves the position every few seconds and when paused, and
// completes the lesson once 90% of it has been played (seeking past parts does not count them). The server keeps the
// first completion only, so a repeated request never counts twice.
(function () {
    var lesson = document.getElementById('lesson');
    var video = document.querySelector('video[data-sf-video]');
    var progress = lesson && lesson.getAttribute('data-progress');
    if (!video || !progress) {
        return;
    }
    var saved = Number(lesson.getAttribute('data-position')) || 0;
    var lastSent = -1;
    var completed = false;

    function send(body) {
        return fetch(progress, {
            method: 'PUT', credentials: 'same-origin', keepalive: true,
            headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)
        });
    }

    function savePosition() {
        var position = Math.floor(video.currentTime);
        if (position !== lastSent) {
            lastSent = position;
            send({position_seconds: position});
        }
    }

    function playedShare() {
        var played = 0;
        for (var i = 0; i < video.played.length; i++) {
            played += video.played.end(i) - video.played.start(i);
        }
        return video.duration > 0 ? played / video.duration : 0;
    }

    // Not at the very end (the last 5 seconds, or 5% of a short video): someone who finished it starts again.
    function resume() {
        if (saved > 0 && saved < video.duration - Math.min(5, video.duration * 0.05)) {
            video.currentTime = saved;
        }
    }

    // The metadata may have arrived before this script ran.
    if (video.readyState >= 1) {
        resume();
    } else {
        video.addEventListener('loadedmetadata', resume);
    }
    video.addEventListener('timeupdate', function () {
        if (Math.abs(video.currentTime - lastSent) >= 5) {
            savePosition();
        }
        if (!completed && playedShare() >= 0.9) {
            completed = true;
            send({completed: true, position_seconds: Math.floor(video.currentTime)}).then(function (response) {
                var button = document.querySelector('[id$="complete"]');
                if (response.ok && button) {
                    button.value = lesson.getAttribute('data-done-label');
                }
            });
        }
    });
    video.addEventListener('pause', savePosition);
    window.addEventListener('pagehide', savePosition);
})();
