// Command journeymap designs customer journey maps in the terminal and keeps
// them in a local SQLite file. Run "journeymap --help" for the commands.
package main

import (
	"os"

	"journeymap/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}
