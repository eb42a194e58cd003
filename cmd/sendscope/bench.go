package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/sendscope/sendscope/grading"
)

func newBenchCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{Use: "bench", Short: "Grade sendscope against labelled data"}
	var corpus string
	var verbose bool
	ex := &cobra.Command{
		Use:     "extract --corpus DIR",
		Example: `  sendscope bench extract --corpus labelled-reports/ -v`,
		Short:   "Grade the extractor on a folder of documents labelled by hand (NNN.json + NNN.txt/.html/.pdf/.docx/.odt)",
		Long: `Run the extractor over every document in DIR and compare with its NNN.json labels
(see ../shared/corpus/LABELS.md): precision, recall and F1 per field, and
document-type accuracy. -v lists every difference.

A document is NNN.txt (first line "URL: <address>", a blank line, then the text)
or the file as published: NNN.html, NNN.pdf, NNN.docx or NNN.odt, read as a crawl
reads it, with its address taken from the labels' "url".

The rules graded are those in force: the compiled-in ones with any --vocab
files added, so a new wording can be graded before a crawl uses it. The first
line of the output names them by version.`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if corpus == "" {
				return usageError("--corpus DIR is required")
			}
			docs, err := grading.Load(corpus)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "rules: %s\n", g.extractor.Version())
			grading.GradeWith(g.extractor, docs).Print(cmd.OutOrStdout(), verbose)
			return nil
		},
	}
	ex.Flags().StringVar(&corpus, "corpus", "", "folder of NNN.json labels with their documents")
	ex.Flags().BoolVarP(&verbose, "verbose", "v", false, "list every difference")
	cmd.AddCommand(ex)
	var loCorpus string
	var loVerbose bool
	lo := &cobra.Command{
		Use:     "localoffer --corpus DIR",
		Example: "  sendscope bench localoffer --corpus labelled-local-offer-pages/ -v",
		Short:   "Grade the Local Offer reader on labelled pages (NNN.json + NNN.txt)",
		Long: `Read every Local Offer page in DIR as a crawl reads one and compare with its
NNN.json labels (conventions: docs/LABELS-local-offer.md): page kind accuracy
(service record, listing, information, school offer, other), the service name of
service records, and the age range and need types of every page (whom the page
as a whole is for: a listing's only when its section is one band or need). -v
lists every difference. The rules are those in force (--vocab files added).`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if loCorpus == "" {
				return usageError("--corpus DIR is required")
			}
			docs, err := grading.LoadLocalOffer(loCorpus)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "rules: %s\n", g.extractor.Version())
			grading.GradeLocalOfferWith(g.extractor, docs).Print(cmd.OutOrStdout(), loVerbose)
			return nil
		},
	}
	lo.Flags().StringVar(&loCorpus, "corpus", "", "folder of NNN.json labels with NNN.txt pages")
	lo.Flags().BoolVarP(&loVerbose, "verbose", "v", false, "list every difference")
	cmd.AddCommand(lo)
	return cmd
}
