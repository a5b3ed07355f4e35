// Package cli is Journeymap's command line: it parses the arguments, runs
// the command and maps the outcome to an exit status. main only wires it to
// the process.
package cli

import (
	"errors"
	"fmt"
	"io"
	"journeymap/interchange"
	"journeymap/model"
	"runtime"
	"strings"
)

// version is what --version prints.
const version = "0.1.0"

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // the command failed
	exitUsage = 2 // the command line was wrong
)

// errHelp reports that help was asked for and printed: exit 0, no message.
var errHelp = errors.New("help shown")

// usageError is a wrong command line: exit status 2. Cmd is the subcommand
// whose help to point at, if any.
type usageError struct{ cmd, msg string }

func (e *usageError) Error() string { return e.msg }

func (e *usageError) hint() string {
	if e.cmd == "" {
		return "journeymap --help"
	}
	return "journeymap " + e.cmd + " -h"
}

// cli is one invocation: its streams and environment, so tests can run the
// whole program in-process.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	env            func(string) string
}

// Run is the whole program: it parses args (without the program name), does
// the work and returns the exit status. Data goes to stdout, messages to
// stderr, and a failure prints exactly one line.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer, env func(string) string) int {
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr, env: env}
	err := c.dispatch(args)
	var ue *usageError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "journeymap: %s (see '%s')\n", oneLine(err.Error()), ue.hint())
		return exitUsage
	default:
		fmt.Fprintf(stderr, "journeymap: %s\n", oneLine(err.Error()))
		return exitError
	}
}

func (c *cli) dispatch(args []string) error {
	if len(args) == 0 {
		return c.interactive("")
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "-h", "-help", "--help", "help":
		c.usage(c.stdout)
		return nil
	case "-version", "--version", "version":
		fmt.Fprintf(c.stdout, "journeymap %s (%s)\n", version, runtime.Version())
		return nil
	case "list":
		return c.list(rest)
	case "export":
		return c.export(rest)
	case "import":
		return c.importMap(rest)
	case "new":
		return c.newMap(rest)
	case "templates":
		return c.templates(rest)
	case "serve":
		return c.serve(rest)
	case "--":
		if len(rest) != 1 {
			return usagef("expected one FILE after --")
		}
		return c.interactive(rest[0])
	default:
		if strings.HasPrefix(cmd, "-") {
			return usagef("unknown flag %s", cmd)
		}
		if len(rest) > 0 {
			return usagef("unknown command %q, or too many arguments for opening FILE", cmd)
		}
		return c.interactive(cmd)
	}
}

func (c *cli) usage(w io.Writer) {
	data, err := defaultFile(c.env)
	if err != nil {
		data = "$XDG_DATA_HOME/journeymap/journeymap.db"
	}
	fmt.Fprintf(w, `Journeymap designs customer journey maps in the terminal and keeps them in a
local SQLite file; every edit is saved at once.

Usage:
  journeymap [FILE]                    open the interactive screen on FILE
  journeymap list [FILE]               one line per map: id, title, phases, touchpoints
  journeymap export [FILE] [--map ID|TITLE | --all] [--format F] [-o OUT]
                    [--picture map|curve] [--phase N|NAME]
                                       write one map to standard output or OUT
                                       (--all -o DIR: every map, one file each)
                                       F: %s
  journeymap import [FILE] IN.json     add the map in IN.json (- for stdin); prints its id
  journeymap new [FILE] [--template NAME] [--title T] [--structure-only]
                                       add a map made from a template; prints its id
  journeymap templates                 list the built-in and your own templates
  journeymap serve [FILE] [--listen ADDR] [--allow KEYS] [--facilitators KEYS] [--max N]
                                       run a workshop: the room joins FILE over ssh
  journeymap --help | --version

FILE defaults to %s,
created with a sample map on first use. list and export never create a file.
Your own templates are the *.json files in %s.
'journeymap COMMAND -h' shows a command's flags. Exit status: 0 success,
1 failure, 2 wrong usage.
`, formatList("|"), data, displayDir(interchange.UserTemplateDirEnv(c.env)))
}

// oneLine makes text safe and single-line for the terminal (model.OneLine):
// control characters, including the ESC that starts terminal escape
// sequences and line breaks, become spaces, and text past 500 characters is
// cut.
func oneLine(s string) string { return model.OneLine(s, 500) }

// formatList joins the export formats' names with sep: "md|json|mermaid|csv".
func formatList(sep string) string {
	var names []string
	for _, f := range interchange.Formats() {
		names = append(names, f.Name)
	}
	return strings.Join(names, sep)
}
