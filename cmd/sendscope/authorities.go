package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sendscope/sendscope/queries"
)

func newAuthoritiesCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{Use: "authorities", Short: "Load local authorities and where their Local Offers are"}
	cmd.AddCommand(&cobra.Command{
		Use: "import FILE",
		Example: `  sendscope authorities import authorities.csv

  # authorities.csv:
  la_code,la_name,local_offer_url,oruk_api_url
  886,Kent,https://www.kent.gov.uk/education-and-children/special-educational-needs,`,
		Short: "Load LAs from a CSV: la_code,la_name,local_offer_url[,oruk_api_url]",
		Long: `Load local authorities from a CSV with the columns la_code, la_name, local_offer_url
and, optionally, oruk_api_url (the base of an Open Referral UK API; when given, the
feed is read instead of the website). A header row is optional. Re-importing
updates LAs by code. A bad line fails the whole import and names the line.`,
		Args: argsUsage(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := g.openWrite(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			return importAuthorities(cmd.Context(), store, args[0], cmd.ErrOrStderr())
		},
	})
	return cmd
}

var laCode = regexp.MustCompile(`^\d{3}$`)

// readAuthorities parses the authorities CSV; any bad line is an error naming it.
func readAuthorities(r io.Reader, name string) ([]queries.Authority, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	var out []queries.Authority
	seen := map[string]int{}
	for line := 1; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: line %d: %v", name, line, err)
		}
		if line == 1 && len(rec) > 0 && strings.EqualFold(strings.TrimPrefix(strings.TrimSpace(rec[0]), "\ufeff"), "la_code") {
			continue
		}
		if len(rec) < 3 || len(rec) > 4 {
			return nil, fmt.Errorf("%s: line %d: expected la_code,la_name,local_offer_url[,oruk_api_url], got %d fields", name, line, len(rec))
		}
		a := queries.Authority{LACode: strings.TrimSpace(strings.TrimPrefix(rec[0], "\ufeff")), LAName: strings.TrimSpace(rec[1]),
			LocalOfferURL: strings.TrimSpace(rec[2])}
		if len(rec) == 4 {
			a.ORUKURL = strings.TrimSpace(rec[3])
		}
		if !laCode.MatchString(a.LACode) {
			return nil, fmt.Errorf("%s: line %d: la_code %q is not a three-digit LA code (e.g. 886)", name, line, a.LACode)
		}
		if a.LAName == "" {
			return nil, fmt.Errorf("%s: line %d: la_name is empty", name, line)
		}
		for _, u := range []string{a.LocalOfferURL, a.ORUKURL} {
			if u == "" {
				continue
			}
			if p, err := url.Parse(u); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
				return nil, fmt.Errorf("%s: line %d: %q is not a web address (http:// or https://)", name, line, u)
			}
		}
		if a.LocalOfferURL == "" && a.ORUKURL == "" {
			return nil, fmt.Errorf("%s: line %d: give a local_offer_url or an oruk_api_url", name, line)
		}
		if first, dup := seen[a.LACode]; dup {
			return nil, fmt.Errorf("%s: line %d: LA %s already on line %d", name, line, a.LACode, first)
		}
		seen[a.LACode] = line
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no local authorities in the file", name)
	}
	return out, nil
}

func importAuthorities(ctx context.Context, store *queries.Store, path string, out io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	las, err := readAuthorities(f, path)
	if err != nil {
		return err
	}
	st, err := store.ImportAuthorities(ctx, las, path)
	if err != nil {
		return fmt.Errorf("%s: nothing imported: %w", path, err)
	}
	feeds := 0
	for _, a := range las {
		if a.ORUKURL != "" {
			feeds++
		}
	}
	fmt.Fprintf(out, "%s: %d local authorities (%d new, %d updated), %d with an ORUK feed\n", path, len(las), st.Inserted, st.Updated, feeds)
	return nil
}
