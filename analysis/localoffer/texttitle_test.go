package localoffer

import (
	"strings"
	"testing"
)

// TestTextTitle: a page's title in text copied from a browser, whatever the site
// puts around it (lines written by us, in the shapes directories use).
func TestTextTitle(t *testing.T) {
	cases := []struct {
		name  string
		lines []string
		want  string
	}{
		{"after a breadcrumb trail, past a button", []string{"Skip to main content", "We use cookies to make this site work.", "Anyshire Family Directory",
			"Home", "You are here: Home > SEND > Therapies", "Sensory Support Team", "Add to shortlist",
			"The Sensory Support Team works with children who are deaf or have a visual impairment."}, "Sensory Support Team"},
		{"no trail: a question straight under the site's help line heads the page", []string{"Harmston Council", "Need help with this site? Ring 0300 555 0100",
			"Home   Services   News   Contact", "Can I get help with school uniform costs?",
			"Families on a low income can claim a grant of up to £150 a year towards uniform for each child."}, "Can I get help with school uniform costs?"},
		{"a question under a page's own heading is a section's", []string{"Harmston Council", "Home   Services   News   Contact", "Uniform grants",
			"Who can claim?", "Families on a low income can claim a grant of up to £150 a year towards uniform for each child."}, "Uniform grants"},
		{"breadcrumb with slashes", []string{"Home / Directory / Play Together Club", "Play Together Club", "Category: Leisure",
			"We run inclusive play sessions every Saturday for children aged 5 to 12."}, "Play Together Club"},
		{"no trail: the heading above the first paragraph", []string{"Skip to content", "Westborough Borough Council", "Menu", "Home", "SEND Local Offer",
			"Family Wellbeing Service", "A free service for families of children with additional needs, run by the council and local charities."}, "Family Wellbeing Service"},
		{"a section heading is passed over", []string{"Local Area SEND Inspections", "Who is this page for?",
			"If you work with families of children and young people with special educational needs, read on."}, "Local Area SEND Inspections"},
		{"a motto shaped like a trail, a menu on one line", []string{"Skip to content", "Hillcrest Academy", "Learn | Care | Grow",
			"Home   About us   Parents   Curriculum   News   Contact", "Home > Parents > SEND > Our SEND offer", "Our SEND offer",
			"Hillcrest Academy is a mixed secondary school where every student with SEND is known and supported."}, "Our SEND offer"},
		{"title first, as the extracted main content gives it", []string{"Portage Home Visiting", "",
			"Portage is a home visiting educational service for pre-school children with additional needs."}, "Portage Home Visiting"},
		{"a one-step trail from the results, past a provider line and section labels", []string{"Find a service", "Results  >  Teen Drama Group",
			"Teen Drama Group", "Provided by: Open Stage Arts CIC", "About this service",
			"A weekly drama group for teenagers who find big groups hard, with a final show each term."}, "Teen Drama Group"},
		{"a one-step trail marked by an arrow, above the heading and its trust line", []string{"Brightwater Health NHS Trust", "Home | Services | Contact",
			"Our services > Therapies", "Children's Dietetics", "Brightwater Health NHS Trust", "About the service",
			"Our dietitians help children whose conditions make eating and growing hard."}, "Children's Dietetics"},
		{"section labels without a trail", []string{"Westborough Council", "Who can use this service", "Cost", "Where",
			"Sibling Saturdays", "When", "A monthly club where brothers and sisters of disabled children can have fun together."}, "Sibling Saturdays"},
		{"an organisation's heading above its registration line", []string{"Home > Directory > Leisure > Lakeside Trust", "Lakeside Trust",
			"Registered charity number 1098765", "Paddle Club", "Paddle Club is an adapted canoeing session for disabled young people on Sunday mornings."}, "Paddle Club"},
		// A stated fact (a label with a date, figure or money as its value) or a
		// dateline is never the page's heading.
		{"an advert's facts between its heading and its text", []string{"Careers at Eastmoor", "Back to vacancies", "Family Support Worker (Autism)",
			"Ref: EM-4471", "Pay: £27,100 to £29,300", "Base: Brookfield Hub", "Apply by: 3 February 2027", "The role",
			"You will visit families of autistic children at home and help them plan for the school holidays."}, "Family Support Worker (Autism)"},
		{"a story's dateline under its headline", []string{"Home > Latest > Short breaks", "New holiday club for disabled teenagers",
			"Updated Friday 6 March 2026", "A new holiday club opens in the summer for teenagers with complex needs, run with two local charities."},
			"New holiday club for disabled teenagers"},
		{"a back link drawn with an arrow, a one-step trail with a slash", []string{"Home / Clubs", "‹ Back to all clubs", "Moonlight Disco",
			"A monthly disco for young people with learning disabilities, with a quiet room and a taxi home."}, "Moonlight Disco"},
		{"a titled heading with a colon stays a title", []string{"Home > Clubs > Drama", "Spotlight: drama sessions for young carers",
			"A weekly session where young carers can rehearse, perform and take a break from caring."}, "Spotlight: drama sessions for young carers"},
		// lo4: a site's banner with a strap line that reads as a sentence, above
		// its menu and search box, is the site's; of two headings stacked at
		// the top, the one the first paragraph opens with names the page.
		{"a banner with a strap line above the menu", []string{"Skip to content", "Greenhythe Family Zone",
			"Ideas, support and activities for every family in Greenhythe, from birth to nineteen",
			"Home   Activities   Support   Childcare   News", "Search   Go", "Saved (0)", "Greenhythe PCF",
			"Greenhythe PCF brings parents of disabled children together to tell the council what works and what does not."}, "Greenhythe PCF"},
		{"a parent service's line under the heading", []string{"Home > Services", "Sensory Play Outreach", "Early Years Inclusion Team",
			"Sensory Play Outreach visits childminders to set up sensory play for babies with a visual impairment."}, "Sensory Play Outreach"},
		{"a registration line in other words under an organisation's heading", []string{"Home > Clubs", "Hollybank Riders",
			"Incorporated charitable organisation 1176543", "Pony Club", "Pony Club is a riding session for disabled children on Sunday mornings."}, "Pony Club"},
		{"a page's tabs under its first paragraph are no banner's menu", []string{"Skip to main content", "Westborough Council", "Sensory Play Sessions",
			"Sensory Play Sessions are relaxed mornings for babies and toddlers in a quiet room with soft lights and music.",
			"Overview   Eligibility   Costs   Contact", "Overview", "Sessions run in term time at two children's centres."}, "Sensory Play Sessions"},
		{"a heading worded like a site's name, placed below the menus above the first paragraph", []string{"Skip to main content", "Eastwold District Council",
			"Bins | Parking | Schools | Contact", "Holiday activities directory",
			"Everything on these pages is open to disabled children and their brothers and sisters during the school holidays.", "Filter by", "Age: any"}, "Holiday activities directory"},
		{"the parent service named first, the service under it", []string{"Westcombe Health", "Children's Therapies",
			"Splint Clinic", "Splint Clinic is a weekly clinic where physiotherapists fit and check splints for children."}, "Splint Clinic"},
	}
	for _, c := range cases {
		if got := textTitle(strings.Join(c.lines, "\n")); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
