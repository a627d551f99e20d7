// Listen mode (JOINS_MODE=listen) of joins-go: the receivers of bench/livekit.bench.ts's vote
// result. Connects one pion client per LiveKit token it is given, as a delegate's own device would,
// and for every data packet reports when it arrived (epoch ms, time.Now) — for the meeting's `state`
// announcements only the motions they carry (id and status) and whether a meeting client would have
// had to fetch GET /state instead (shared/meeting-state.ts actionForMessage), so the bench process
// decides when each client saw a result without holding 50 clients on its own JavaScript thread.
package main

import (
	"encoding/json"
	"sync"
	"time"

	lksdk "github.com/livekit/server-sdk-go/v2"
)

// motionStatus is the part of a shared/meeting.ts Motion the bench reads.
type motionStatus struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

// stateMessage is the part of shared/meeting.ts StateMessage the bench reads.
type stateMessage struct {
	Version int `json:"version"`
	State   *struct {
		Motions []motionStatus `json:"motions"`
	} `json:"state"`
	Changes *struct {
		Base    int            `json:"base"`
		Motions []motionStatus `json:"motions"`
	} `json:"changes"`
}

// dataReport is DataReport of bench/listen-go.ts: one data packet one client received. For topic
// `state` it is sent only when the message names motions or would make a meeting client fetch.
type dataReport struct {
	Type string `json:"type"`
	// I is the client's index in JOINS_TOKENS (0-based).
	I int `json:"i"`
	// At is the arrival, epoch milliseconds.
	At      float64 `json:"at"`
	Topic   string  `json:"topic"`
	Version int     `json:"version,omitempty"`
	// Motions are the motions the message carries (its full state's, or the changed ones).
	Motions []motionStatus `json:"motions,omitempty"`
	// Fetch says a meeting client would fetch the state: "version-only" (nothing inlined),
	// "gap" (changes from a version this client does not hold) or "malformed".
	Fetch string `json:"fetch,omitempty"`
}

type listenConfig struct {
	url            string
	tokens         []string
	inflight       int
	connectTimeout time.Duration
	attempts       int
}

// listener is one receiving client: the newest state version it holds, as a meeting client would.
type listener struct {
	i    int
	mu   sync.Mutex
	held int
}

func (l *listener) onData(packet lksdk.DataPacket, _ lksdk.DataReceiveParams) {
	at := epochMs()
	user, ok := packet.(*lksdk.UserDataPacket)
	if !ok {
		return
	}
	r := dataReport{Type: "data", I: l.i, At: at, Topic: user.Topic}
	if user.Topic != "state" {
		send(r)
		return
	}
	var m stateMessage
	if err := json.Unmarshal(user.Payload, &m); err != nil {
		r.Fetch = "malformed"
		send(r)
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if m.Version <= l.held {
		return // not newer: a meeting client ignores it
	}
	r.Version = m.Version
	switch {
	case m.State != nil:
		r.Motions = m.State.Motions
	case m.Changes != nil && m.Changes.Base == l.held:
		r.Motions = m.Changes.Motions
	case m.Changes != nil:
		r.Fetch = "gap"
	default:
		r.Fetch = "version-only"
	}
	// After a fetch the client holds at least this version.
	l.held = m.Version
	if len(r.Motions) > 0 || r.Fetch != "" {
		send(r)
	}
}

func connectListener(cfg *listenConfig, i int) voterReport {
	r := voterReport{Type: "listener", N: i, StartAt: epochMs()}
	l := &listener{i: i, held: -1}
	cb := lksdk.NewRoomCallback()
	cb.OnDataPacket = l.onData
	for attempt := 1; attempt <= cfg.attempts && !stopping.Load(); attempt++ {
		t := time.Now()
		room, err := connectOnce(cfg.connectTimeout, cb, cfg.url, cfg.tokens[i])
		if err == nil {
			r.ConnectMs = sinceMs(t)
			keepRoom(room)
			r.OK, r.EndAt = true, epochMs()
			return r
		}
		r.Error = err.Error()
		if attempt < cfg.attempts {
			r.Retries++
			time.Sleep(500 * time.Millisecond)
		}
	}
	r.EndAt = epochMs()
	return r
}

// listen connects every client (cfg.inflight at once), reports each, then `done`; the clients
// report data packets from the moment they are connected until `stop`.
func listen(cfg *listenConfig) {
	inParallel(len(cfg.tokens), cfg.inflight, func(i int) { send(connectListener(cfg, i)) })
}
