// ferretdb-host runs FerretDB (MongoDB wire protocol over SQLite) embedded in one small process.
//
// It is started and stopped by server/src/db/embedded.ts; it is not meant to be run by hand.
// It listens on 127.0.0.1 only, prints one line "READY <mongodb-uri>" on stdout when it accepts
// connections, and exits when its standard input closes, so that it never outlives the Node
// process that started it (even when that process is killed with SIGKILL).
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
	_ "modernc.org/sqlite"
)

func main() {
	dir := flag.String("dir", "", "existing directory for the SQLite files")
	port := flag.Int("port", 0, "TCP port on 127.0.0.1 (0 picks a free one)")
	flag.Parse()
	if *dir == "" {
		log.Fatal("-dir is required")
	}
	if err := os.MkdirAll(*dir, 0o700); err != nil {
		log.Fatalf("cannot create %s: %v", *dir, err)
	}
	p := *port
	if p == 0 {
		// Ask the kernel for a free port, then hand it to FerretDB.
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			log.Fatal(err)
		}
		p = l.Addr().(*net.TCPAddr).Port
		l.Close()
	}
	addr := fmt.Sprintf("127.0.0.1:%d", p)

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: addr},
		Handler:   "sqlite",
		SQLiteURL: "file:" + *dir + "/",
	})
	if err != nil {
		log.Fatal(err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	go func() { <-signals; cancel() }()
	// The parent holds our stdin open; EOF means it is gone.
	go func() { io.Copy(io.Discard, os.Stdin); cancel() }()

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()
	go indexIDPaths(ctx, *dir)

	// Report readiness only once the port accepts connections.
	for i := 0; i < 200; i++ {
		c, err := net.DialTimeout("tcp", addr, 100*time.Millisecond)
		if err == nil {
			c.Close()
			fmt.Printf("READY mongodb://%s/\n", addr)
			break
		}
		select {
		case err := <-done:
			log.Fatalf("ferretdb stopped before it was ready: %v", err)
		case <-time.After(50 * time.Millisecond):
		}
	}
	if err := <-done; err != nil && ctx.Err() == nil {
		log.Fatal(err)
	}
}

// indexIDPaths works around FerretDB v1.24's SQLite backend: it creates the _id index on the
// expression _ferretdb_sjson->"_id" but filters on _ferretdb_sjson->'$._id', and
// SQLite matches index expressions by their text, so every _id lookup scanned the whole table.
// Once a second this adds, to every collection table that lacks it, a plain index on exactly the
// expression FerretDB queries. FerretDB knows nothing of it (uniqueness stays with its own index);
// it disappears with the table when a collection or database is dropped.
func indexIDPaths(ctx context.Context, dir string) {
	done := map[string]bool{} // "<file>|<table>"
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*.sqlite"))
		for _, file := range files {
			indexFile(ctx, file, done)
		}
	}
}

func indexFile(ctx context.Context, file string, done map[string]bool) {
	// mode=rw: never create a database file FerretDB has just dropped.
	db, err := sql.Open("sqlite", "file:"+file+"?mode=rw&_pragma=busy_timeout(10000)")
	if err != nil {
		return
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT table_name FROM _ferretdb_collections`)
	if err != nil {
		return
	}
	var tables []string
	for rows.Next() {
		var t string
		if rows.Scan(&t) == nil && !done[file+"|"+t] {
			tables = append(tables, t)
		}
	}
	rows.Close()
	for _, t := range tables {
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (_ferretdb_sjson->'$._id')`, t+"_dajiuzhu_id_path", t)
		if _, err := db.ExecContext(ctx, q); err == nil {
			done[file+"|"+t] = true
		}
	}
}
