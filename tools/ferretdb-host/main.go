// ferretdb-host runs FerretDB (MongoDB wire protocol over SQLite) embedded in one small process.
//
// It is started and stopped by server/src/core/db/embedded.ts; it is not meant to be run by hand.
// It listens on 127.0.0.1 only, prints one line "READY <mongodb-uri>" on stdout when it accepts
// connections, and exits when its standard input closes, so that it never outlives the Node
// process that started it (even when that process is killed with SIGKILL).
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
	_ "modernc.org/sqlite"
)

func main() {
	dir := flag.String("dir", "", "existing directory for the SQLite files")
	port := flag.Int("port", 0, "TCP port on 127.0.0.1 (0 picks a free one)")
	// Off only to measure the difference (bench/queries.ts); the product always runs with it on.
	sortPushdown := flag.Bool("sort-pushdown", true, "push sorts on top-level fields down to SQLite (fields must be single-typed)")
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

	if err := migrateIndexes(*dir); err != nil {
		log.Fatalf("cannot migrate the indexes: %v", err)
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: addr},
		Handler:   "sqlite",
		SQLiteURL: "file:" + *dir + "/",
		// Sorts on top-level fields are pushed down to SQLite (patches/0003): the project's
		// mongoose schemas give every field one type, which that order requires (docs/database.md).
		EnableSortPushdown: *sortPushdown,
		// Conditions on dotted paths (`applicant.idNumberBlindIndex`) reach SQLite and are served by
		// the expression indexes on those paths (patches/0004).
		EnableNestedPushdown: true,
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

// migrateIndexes rebuilds, in each existing database file, the SQLite indexes that an unpatched
// FerretDB created, before FerretDB opens the files.
//
// FerretDB v1.24 built every index on _ferretdb_sjson->"field" while it queried _id on
// _ferretdb_sjson->'$._id', and SQLite uses an expression index only for the same expression text,
// so no index was ever used. The patched FerretDB (patches/0001-*) builds indexes on the expression
// its query pushdown compares (indexExpression below mirrors metadata.FieldExpression), so new
// collections are right from their creation, also when a database is dropped and created again
// while the host runs. Files written before the patch are brought to the same form here, and the
// extra "_dajiuzhu_id_path" indexes that earlier versions of this host added are dropped.
func migrateIndexes(dir string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.sqlite"))
	if err != nil {
		return err
	}
	for _, file := range files {
		if err := migrateFile(file); err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
	}
	return nil
}

var simpleField = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// indexExpression is metadata.FieldExpression of the patched FerretDB.
func indexExpression(field string) (string, bool) {
	if field == "_id" {
		return `_ferretdb_sjson->'$._id'`, true
	}
	path := "$"
	for _, f := range strings.Split(field, ".") {
		if !simpleField.MatchString(f) {
			return "", false
		}
		path += "." + f
	}
	return `_ferretdb_sjson->>'` + path + `'`, true
}

type indexSettings struct {
	Indexes []struct {
		Name string `json:"name"`
		Key  []struct {
			Field      string `json:"field"`
			Descending bool   `json:"descending"`
		} `json:"key"`
		Unique bool `json:"unique"`
	} `json:"indexes"`
}

func migrateFile(file string) error {
	db, err := sql.Open("sqlite", "file:"+file+"?mode=rw&_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.Query(`SELECT table_name, settings FROM _ferretdb_collections`)
	if err != nil {
		return nil // not (yet) a FerretDB database: nothing to migrate
	}
	var stmts []string
	for rows.Next() {
		var table string
		var raw []byte
		if err := rows.Scan(&table, &raw); err != nil {
			rows.Close()
			return err
		}
		var settings indexSettings
		if err := json.Unmarshal(raw, &settings); err != nil {
			rows.Close()
			return err
		}
		stmts = append(stmts, fmt.Sprintf(`DROP INDEX IF EXISTS %q`, table+"_dajiuzhu_id_path"))
		for _, index := range settings.Indexes {
			columns := make([]string, len(index.Key))
			ok := true
			for i, key := range index.Key {
				if columns[i], ok = indexExpression(key.Field); !ok {
					break
				}
				if key.Descending {
					columns[i] += " DESC"
				}
			}
			if !ok {
				continue // FerretDB keeps its own form for such fields; nothing pushes down to it
			}
			create := "CREATE "
			if index.Unique {
				create += "UNIQUE "
			}
			name := table + "_" + index.Name
			create += fmt.Sprintf(`INDEX %q ON %q (%s)`, name, table, strings.Join(columns, ", "))
			var current string
			if db.QueryRow(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`, name).Scan(&current) != nil || current == create {
				continue
			}
			stmts = append(stmts, fmt.Sprintf(`DROP INDEX %q`, name), create)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	for _, q := range stmts {
		if _, err := tx.Exec(q); err != nil {
			tx.Rollback()
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	return tx.Commit()
}
