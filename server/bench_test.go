package server

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"journeymap/model"
)

// BenchmarkRoom measures a workshop of N guests, each a real SSH client
// with a PTY showing the same map: how long one edit takes to reach every
// screen (p50, p95, max over every screen and edit), the process's RSS
// (server and clients together: an upper bound for the server), and the
// CPU the process uses while nobody types.
//
//	go test ./server -run '^$' -bench Room -benchtime 20x
func BenchmarkRoom(b *testing.B) {
	for _, n := range []int{5, 10, 20, 30} {
		b.Run(fmt.Sprintf("sessions=%d", n), func(b *testing.B) { benchRoom(b, n) })
	}
}

func benchRoom(b *testing.B, n int) {
	tr := startRoom(b, func(c *Config) {
		c.Max = 100
		if fps, err := strconv.Atoi(os.Getenv("JOURNEYMAP_BENCH_FPS")); err == nil {
			c.FPS = fps
		}
	})
	screens := make([]*screen, n)
	var wg sync.WaitGroup
	for i := range screens {
		screens[i] = tr.join(b, "guest"+strconv.Itoa(i), codeAuth(testCode), 120, 35)
	}
	for _, s := range screens {
		wg.Add(1)
		go func(s *screen) { defer wg.Done(); s.openMap() }(s)
	}
	wg.Wait()
	// The author: a facilitator editing through the same path a session's
	// writes take (sessionStore), so every screen but its own is told.
	h := tr.srv.hub
	author, _ := h.join("author", true)
	defer h.leave(author)
	as := sessionStore{Store: tr.st, h: h, m: author}
	m, _ := tr.st.LoadMap(tr.mapID)
	phase := m.Phases[1].ID
	time.Sleep(300 * time.Millisecond)

	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		name := benchName(i)
		for _, s := range screens {
			s.Mark()
		}
		tp := model.NewTouchpoint(name)
		tp.ID = model.NewID()
		start := time.Now()
		if err := as.Apply(tr.mapID, &model.InsertTouchpoint{Phase: phase, Index: 0, Touchpoint: tp}); err != nil {
			b.Fatal(err)
		}
		var mu sync.Mutex
		for _, s := range screens {
			wg.Add(1)
			go func(s *screen) {
				defer wg.Done()
				if !s.waitFor(name, 5*time.Second) {
					b.Errorf("a screen never showed %s", name)
					return
				}
				mu.Lock()
				lat = append(lat, time.Since(start))
				mu.Unlock()
			}(s)
		}
		wg.Wait()
		// Keep the phase short so the new card is always in view.
		if err := as.Apply(tr.mapID, &model.DeleteTouchpoint{ID: tp.ID}); err != nil {
			b.Fatal(err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) float64 {
		if len(lat) == 0 {
			return 0
		}
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
	b.ReportMetric(pct(1), "max-ms")
	b.ReportMetric(rssMB(), "rss-MB")

	// Idle: nobody types for 3 s.
	time.Sleep(500 * time.Millisecond)
	before, wall := cpuTime(), time.Now()
	time.Sleep(3 * time.Second)
	b.ReportMetric(100*float64(cpuTime()-before)/float64(time.Since(wall)), "idle-cpu-%")
}

func rssMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchName spells i in letters that appear nowhere else on screen, from
// one of two alphabets by parity: the renderer sends only cells that
// change, so a name must share no letter, at any place, with the one the
// screen may still show from the edit before.
func benchName(i int) string {
	abc := "QZXJ"
	if i%2 == 1 {
		abc = "WVKY"
	}
	b := make([]byte, 6)
	for j := range b {
		b[j] = abc[i%4]
		i /= 4
	}
	return string(b)
}
