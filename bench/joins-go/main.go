// Command joins-go is the default load generator of bench/joins.bench.ts: it joins its share of
// listen-only voters to one voter meeting as phones would — POST /api/join with the public
// invitation, then a real LiveKit connect with server-sdk-go (pion WebRTC: signalling, ICE and
// DTLS, subscribe only), each attempt with a timeout and retried like livekit-client — and reports
// each voter's timings as JSON lines on stdout. A pion client costs a small fraction of the CPU of
// an @livekit/rtc-node one (bench/joins-client.ts), so the voters' devices, which in a real
// meeting are elsewhere, no longer take the machine's cores from the servers being measured.
//
// It speaks the protocol of bench/joins-client.ts. Environment: JOINS_SERVER (meeting server URL),
// JOINS_INVITATION, JOINS_FIRST (first voter number), JOINS_COUNT, JOINS_INFLIGHT (voters joining
// at once in this process), JOINS_CONNECT_TIMEOUT_MS, JOINS_ATTEMPTS; JOINS_LOG_LEVEL (the SDK's
// log level, default "error"). Prints `JOINS {"type":"ready"}`, starts on a `go` line on stdin,
// prints one `JOINS {"type":"voter",...}` per voter and `JOINS {"type":"done"}`; stays in the
// room until a `stop` line (or stdin closes), then leaves and exits.
//
// JOINS_MODE=listen (listen.go) is the other mode: the 50 receivers of the vote result in
// bench/livekit.bench.ts. It connects one client per token in JOINS_TOKENS (whitespace-separated
// LiveKit tokens) to JOINS_LIVEKIT_URL on `go`, prints `JOINS {"type":"listener",...}` per client
// (the voter report's fields, n = the token's index) and `{"type":"done"}`, then one
// `{"type":"data",...}` line per data packet (see dataReport), and answers `ping` with
// `{"type":"pong","at":<epoch ms>}` so the bench can check that the two clocks agree.
//
// Build: go build -o tools/bin/joins-go ./bench/joins-go (joins.bench.ts and livekit.bench.ts do it
// when needed).
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	protoLogger "github.com/livekit/protocol/logger"
	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/pion/webrtc/v4"
)

// voterReport is VoterReport of bench/joins-client.ts, field for field.
type voterReport struct {
	Type string `json:"type"`
	// N is the voter number (1-based, across all clients).
	N  int  `json:"n"`
	OK bool `json:"ok"`
	// StartAt and EndAt are epoch milliseconds: when the voter started and when it was in the room.
	StartAt float64 `json:"startAt"`
	EndAt   float64 `json:"endAt"`
	// TokenMs is POST /api/join (the successful attempt), ms.
	TokenMs float64 `json:"tokenMs"`
	// ConnectMs is the successful LiveKit connect, ms.
	ConnectMs float64 `json:"connectMs"`
	// Retries counts attempts beyond the first (HTTP and connect together).
	Retries int    `json:"retries"`
	Error   string `json:"error,omitempty"`
}

// joinResponse is the part of shared/api.ts JoinResponse a voter needs.
type joinResponse struct {
	LivekitURL string `json:"livekitUrl"`
	Token      string `json:"token"`
}

type config struct {
	server         string
	invitation     string
	first          int
	count          int
	inflight       int
	connectTimeout time.Duration
	attempts       int
}

var (
	outMu sync.Mutex
	out   = bufio.NewWriter(os.Stdout)

	roomsMu  sync.Mutex
	rooms    []*lksdk.Room
	stopping atomic.Bool

	httpClient = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
)

func send(m any) {
	b, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	outMu.Lock()
	defer outMu.Unlock()
	out.WriteString("JOINS ")
	out.Write(b)
	out.WriteByte('\n')
	out.Flush()
}

func epochMs() float64 { return float64(time.Now().UnixNano()) / 1e6 }

func sinceMs(t time.Time) float64 { return float64(time.Since(t).Nanoseconds()) / 1e6 }

func envString(name, fallback string) string {
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	if fallback == "" {
		fmt.Fprintf(os.Stderr, "joins-go: %s is not set\n", name)
		os.Exit(2)
	}
	return fallback
}

func envInt(name, fallback string) int {
	v, err := strconv.Atoi(envString(name, fallback))
	if err != nil {
		fmt.Fprintf(os.Stderr, "joins-go: %s is not a whole number: %v\n", name, err)
		os.Exit(2)
	}
	return v
}

func fetchToken(cfg *config, n int) (*joinResponse, error) {
	body, _ := json.Marshal(map[string]string{
		"invitation": cfg.invitation,
		"name":       fmt.Sprintf("Cử tri %d", n),
	})
	ctx, cancel := context.WithTimeout(context.Background(), cfg.connectTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, cfg.server+"/api/join", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("content-type", "application/json")
	res, err := httpClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("POST /api/join %d", res.StatusCode)
	}
	var joined joinResponse
	if err := json.NewDecoder(res.Body).Decode(&joined); err != nil {
		return nil, fmt.Errorf("POST /api/join: %w", err)
	}
	if joined.Token == "" || joined.LivekitURL == "" {
		return nil, errors.New("POST /api/join: no token or livekitUrl in the answer")
	}
	return &joined, nil
}

// connectOnce is one connect attempt: the WebSocket join, then ICE and DTLS until the primary
// peer connection is up. On timeout the room is left when (if ever) the late connect completes.
func connectOnce(timeout time.Duration, cb *lksdk.RoomCallback, url, token string) (*lksdk.Room, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	room := lksdk.NewRoom(cb)
	done := make(chan error, 1)
	go func() {
		defer cancel()
		err := room.JoinWithContextAndToken(ctx, url, token,
			lksdk.WithAutoSubscribe(true),
			lksdk.WithConnectTimeout(timeout))
		if err == nil {
			err = waitForDTLS(ctx, room)
		}
		done <- err
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case err := <-done:
		if err != nil {
			room.Disconnect()
			return nil, err
		}
		return room, nil
	case <-timer.C:
		go func() {
			<-done
			room.Disconnect()
		}()
		return nil, fmt.Errorf("connect timed out after %d ms", timeout.Milliseconds())
	}
}

// waitForDTLS waits until a peer connection is connected, DTLS included: the SDK's join returns
// once ICE is connected, and a voter hears nothing before the DTLS handshake has completed.
func waitForDTLS(ctx context.Context, room *lksdk.Room) error {
	connected := func() bool {
		for _, pc := range []*webrtc.PeerConnection{
			room.LocalParticipant.GetSubscriberPeerConnection(),
			room.LocalParticipant.GetPublisherPeerConnection(),
		} {
			if pc != nil && pc.ConnectionState() == webrtc.PeerConnectionStateConnected {
				return true
			}
		}
		return false
	}
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for !connected() {
		select {
		case <-ctx.Done():
			return fmt.Errorf("DTLS not connected: %w", ctx.Err())
		case <-tick.C:
		}
	}
	return nil
}

func joinVoter(cfg *config, n int) voterReport {
	r := voterReport{Type: "voter", N: n, StartAt: epochMs()}
	var joined *joinResponse
	lastError := ""
	for attempt := 1; attempt <= cfg.attempts && !stopping.Load(); attempt++ {
		err := func() error {
			if joined == nil {
				t := time.Now()
				j, err := fetchToken(cfg, n)
				if err != nil {
					return err
				}
				joined, r.TokenMs = j, sinceMs(t)
			}
			t := time.Now()
			room, err := connectOnce(cfg.connectTimeout, lksdk.NewRoomCallback(), joined.LivekitURL, joined.Token)
			if err != nil {
				return err
			}
			r.ConnectMs = sinceMs(t)
			keepRoom(room)
			return nil
		}()
		if err == nil {
			r.OK, r.EndAt = true, epochMs()
			return r
		}
		lastError = err.Error()
		if attempt < cfg.attempts {
			r.Retries++
			// livekit-client waits a little before trying again; jittered so retries do not arrive
			// together.
			time.Sleep(500*time.Millisecond + rand.N(time.Second))
		}
	}
	r.EndAt, r.Error = epochMs(), lastError
	return r
}

func run(cfg *config) {
	inParallel(cfg.count, cfg.inflight, func(i int) { send(joinVoter(cfg, cfg.first+i)) })
}

// inParallel calls fn(i) for every i in [0, n), at most `inflight` at once, until `stop`; then
// reports `done`.
func inParallel(n, inflight int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(inflight, n) {
		wg.Go(func() {
			for !stopping.Load() {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
	send(map[string]string{"type": "done"})
}

// keepRoom remembers a connected room, to leave it on `stop`.
func keepRoom(room *lksdk.Room) {
	roomsMu.Lock()
	rooms = append(rooms, room)
	roomsMu.Unlock()
}

func leave() {
	if !stopping.CompareAndSwap(false, true) {
		return
	}
	roomsMu.Lock()
	left := rooms
	roomsMu.Unlock()
	var wg sync.WaitGroup
	for _, room := range left {
		wg.Go(room.Disconnect)
	}
	// A disconnect that never answers must not keep the process alive.
	finished := make(chan struct{})
	go func() {
		wg.Wait()
		close(finished)
	}()
	select {
	case <-finished:
	case <-time.After(5 * time.Second):
	}
	os.Exit(0)
}

func main() {
	connectTimeout := time.Duration(envInt("JOINS_CONNECT_TIMEOUT_MS", "15000")) * time.Millisecond
	attempts := max(1, envInt("JOINS_ATTEMPTS", "3"))
	var start func()
	switch mode := envString("JOINS_MODE", "join"); mode {
	case "join":
		cfg := &config{
			server:         strings.TrimRight(envString("JOINS_SERVER", ""), "/"),
			invitation:     envString("JOINS_INVITATION", ""),
			first:          envInt("JOINS_FIRST", "1"),
			count:          envInt("JOINS_COUNT", ""),
			inflight:       max(1, envInt("JOINS_INFLIGHT", "8")),
			connectTimeout: connectTimeout,
			attempts:       attempts,
		}
		start = func() { run(cfg) }
	case "listen":
		cfg := &listenConfig{
			url:            envString("JOINS_LIVEKIT_URL", ""),
			tokens:         strings.Fields(envString("JOINS_TOKENS", "")),
			inflight:       max(1, envInt("JOINS_INFLIGHT", "8")),
			connectTimeout: connectTimeout,
			attempts:       attempts,
		}
		start = func() { listen(cfg) }
	default:
		fmt.Fprintf(os.Stderr, "joins-go: JOINS_MODE must be join or listen, not %q\n", mode)
		os.Exit(2)
	}
	logger, err := protoLogger.NewZapLogger(&protoLogger.Config{Level: envString("JOINS_LOG_LEVEL", "error")})
	if err != nil {
		fmt.Fprintf(os.Stderr, "joins-go: JOINS_LOG_LEVEL: %v\n", err)
		os.Exit(2)
	}
	lksdk.SetLogger(logger)

	send(map[string]string{"type": "ready"})
	input := bufio.NewScanner(os.Stdin)
	started := false
	for input.Scan() {
		switch strings.TrimSpace(input.Text()) {
		case "go":
			if !started {
				started = true
				go start()
			}
		case "ping":
			// The bench compares this clock with its own (arrival times cross processes).
			send(map[string]any{"type": "pong", "at": epochMs()})
		case "stop":
			leave()
		}
	}
	leave()
}
