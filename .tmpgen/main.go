package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"

	"journeymap/interchange"
	"journeymap/storage"
)

func ms(tag string) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Fprintf(os.Stderr, "%s: alloc %d MB total %d MB heapsys %d MB sys %d MB numgc %d\n", tag, m.HeapAlloc>>20, m.TotalAlloc>>20, m.HeapSys>>20, m.Sys>>20, m.NumGC)
}

func main() {
	ms("start")
	st, err := storage.Open(os.Args[1])
	if err != nil {
		panic(err)
	}
	ms("open")
	m, err := st.LoadMap(1)
	if err != nil {
		panic(err)
	}
	ms("loaded")
	f, _ := interchange.FormatByName(os.Args[2])
	if len(os.Args) > 3 {
		pf, _ := os.Create(os.Args[3])
		pprof.StartCPUProfile(pf)
		defer pprof.StopCPUProfile()
	}
	bw := bufio.NewWriterSize(io.Discard, 64<<10)
	f.Write(bw, m, interchange.Options{})
	bw.Flush()
	ms("written")
	runtime.GC()
	ms("after gc")
}
