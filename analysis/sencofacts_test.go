package analysis

import (
	"strconv"
	"strings"
	"testing"
)

// Wordings written for these tests.
func TestSENCOFacts(t *testing.T) {
	cases := []struct {
		text string
		want []string // field=value, all expected; other fields must be absent
	}{
		{"Our SENCO is Mrs Nadia Quist. She holds the National Award for SEN Co-ordination and works three days a week.",
			[]string{"senco.name=Mrs Nadia Quist", "senco.qualification=NASENCO", "senco.days_per_week=3"}},
		{"The SENDCo, Mr Owen Tralee, is in school Monday to Wednesday and is a member of the Senior Leadership Team.",
			[]string{"senco.name=Mr Owen Tralee", "senco.days_per_week=3", "senco.on_slt=true"}},
		{"SENCO: Ms Ruth Calder, MA (hons)\n\nSENCO time: 22.5 hours per week.",
			[]string{"senco.name=Ms Ruth Calder", "senco.qualification=other:MA (hons)", "senco.hours_per_week=22.5"}},
		{"Our SENCO, Mrs Ada Penrose, is working towards the National Award for SEN Co-ordination. SENCO time is 0.6 FTE.",
			[]string{"senco.name=Mrs Ada Penrose", "senco.fte=0.6"}},
		{"Mr Sol Diaz is our SENCo and has completed the NPQ for SENCOs. He is not a member of the senior leadership team.",
			[]string{"senco.name=Mr Sol Diaz", "senco.qualification=NPQ_SENCO", "senco.on_slt=false"}},
		{"The governing body must ensure that the SENCO is either part of the SLT or attends its meetings. Teachers hold QTS.",
			nil},
		{"Our SEN governor is Mrs Ina Vogel.\nThe SENCO is Mr Ben Achebe.",
			[]string{"governor.name=Mrs Ina Vogel", "senco.name=Mr Ben Achebe"}},
		{"Nominated Governors: Tariq Aziz and Jo Marsh", []string{"governor.name=Tariq Aziz", "governor.name=Jo Marsh"}},
		// A governor or trustee chosen by the board for SEND, the board named between.
		{"Mr Idris Bowen is the trustee appointed by the Board for special educational needs.", []string{"governor.name=Mr Idris Bowen"}},
		{"Ms Zainab Ofori, the governor elected by the full governing body to oversee SEND, visits termly.", []string{"governor.name=Ms Zainab Ofori"}},
		{"Mrs Kate Moor is the governor nominated by the Corporation for finance.", nil},
		// Clergy and councillors keep their titles.
		{"SEN governor: Revd Anne Holt. The SENDCo is Cllr Dev Sahota.", []string{"governor.name=Revd Anne Holt", "senco.name=Cllr Dev Sahota"}},
		// A question, then its answer.
		{"Who is our Special Educational Needs Co-ordinator?\nA: Miss Orla McBride-Kerr, who is a qualified teacher.",
			[]string{"senco.name=Miss Orla McBride-Kerr", "senco.qualification=QTS"}},
		// Each SENCO with their school in brackets; an O' surname.
		{"Our SENCOs are Ms Lena Hart (Key Stage 1) and Mr Eoin O'Dowd (Key Stage 2).", []string{"senco.name=Ms Lena Hart", "senco.name=Mr Eoin O'Dowd"}},
		// Full time; a fraction with the days beside it.
		{"Mrs Una Frost is a full-time SENCO.", []string{"senco.name=Mrs Una Frost", "senco.fte=1"}},
		{"The SENCO, Mr Ike Obi, has 0.6 of a full-time post (three days).", []string{"senco.name=Mr Ike Obi", "senco.fte=0.6", "senco.days_per_week=3"}},
		// Several weekdays; teaching days are not SENCO time.
		{"Mrs Ava Lund, our SENCO, is in school on Tuesdays, Wednesdays and Fridays.", []string{"senco.name=Mrs Ava Lund", "senco.days_per_week=3"}},
		{"Our SENDCo is Mr Rhys Tal. He teaches Year 4 three days a week and has one day a week for the SENDCo role.",
			[]string{"senco.name=Mr Rhys Tal", "senco.days_per_week=1"}},
		// Degrees listed after the name.
		{"SENCO: Ms Iris Vane, BSc, PGCE, NASENCo", []string{"senco.name=Ms Iris Vane", "senco.qualification=other:BSc", "senco.qualification=other:PGCE", "senco.qualification=NASENCO"}},
		// Who is to come is the SENCO; who left is not.
		{"Mr Ike Dunn will join us as SENCO in January, replacing Mrs Jo Ash, who was our SENCO for ten years.", []string{"senco.name=Mr Ike Dunn"}},
		// Days as a label with a list; mornings; the role's share of a post.
		{"SENCo: Mr Abe Finn\nSENCo days: Monday and Thursday", []string{"senco.name=Mr Abe Finn", "senco.days_per_week=2"}},
		{"Our SENDCo, Mrs Eda Roe, works Monday, Tuesday and Friday.", []string{"senco.name=Mrs Eda Roe", "senco.days_per_week=3"}},
		// Mornings and afternoons are not whole days (as the shared labels read them).
		{"The SENCO, Ms Pia Lowe, is in school four mornings a week.", []string{"senco.name=Ms Pia Lowe"}},
		{"Our SENCO, Mr Cy Hale, works 4 days a week, of which 2 days are allocated to the SENCO role.", []string{"senco.name=Mr Cy Hale", "senco.days_per_week=2"}},
		// A staff list: each name on its role's row; the SENCO's row under the SLT heading.
		{"Senior Leadership Team\nMrs Ida Kerr - Headteacher\nMr Olu Bade - SENCO\n\nSupport staff\nMrs Fay Lin - Assistant SENCO\nMs Bo Tate - Family Worker",
			[]string{"senco.name=Mr Olu Bade", "senco.on_slt=true"}},
		{"Mr Al Roth - Director of Inclusion\nMrs Di Snow - SENDCo\nMrs Ez Pope - Learning Mentor", []string{"senco.name=Mrs Di Snow"}},
		// The leadership team, but not the extended one.
		{"Our SENCO, Mrs Jo Abel, sits on the leadership team.", []string{"senco.name=Mrs Jo Abel", "senco.on_slt=true"}},
		{"Our SENCO, Mrs Jo Abel, is a member of the extended leadership team.", []string{"senco.name=Mrs Jo Abel"}},
		// Whose seat: another post's in a clause after it is not the SENCO's;
		// a SENCO who leads the team is on it.
		{"Our SENCO, Mrs Ada Lunn, reports to Mr Bo Hart, Deputy Head, who sits on the senior leadership team.", []string{"senco.name=Mrs Ada Lunn"}},
		{"Our SENDCo is Miss Tia Rowe. She is line-managed by the Assistant Principal, who is a member of the leadership team.", []string{"senco.name=Miss Tia Rowe"}},
		{"Mr Kit Obi is Headteacher and our SENCO. He leads the senior leadership team.", []string{"senco.name=Mr Kit Obi", "senco.on_slt=true"}},
		{"Our SENCO, Mr Ray Lo, reports to the Director of Learning (Years 7-11), who is on the leadership team.", []string{"senco.name=Mr Ray Lo"}},
		{"Our SENCO, Mrs Una Kay, who sits on the senior leadership team, meets parents weekly.", []string{"senco.name=Mrs Una Kay", "senco.on_slt=true"}},
		{"SENCO: Dora Vine\nAs Assistant Head for Inclusion, Mrs Vine is a member of the senior leadership team.", []string{"senco.name=Dora Vine", "senco.on_slt=true"}},
		// Two titles; "SENCo on" a day list; a qualification held after one being studied for.
		{"SEN Governor: Revd Canon Ruth Ames\nMr Lee Cho is our SENCo on Mondays and Fridays.", []string{"governor.name=Revd Canon Ruth Ames", "senco.name=Mr Lee Cho", "senco.days_per_week=2"}},
		{"Our SENCO, Mrs Kit Rowe, is studying for the NASENCO award, and has QTS. She is a member of our Senior Leadership Team.",
			[]string{"senco.name=Mrs Kit Rowe", "senco.qualification=QTS", "senco.on_slt=true"}},
		{"Our SENDCo, Mr Ray Orr, is a full-time member of staff dedicated to the role.", []string{"senco.name=Mr Ray Orr", "senco.fte=1"}},
		// Days with articles; days "of ... time"; the rest of a week on the role; a deputy head.
		{"Mrs Ros Kaye is our SENCo. She is in school on a Monday and a Thursday.", []string{"senco.name=Mrs Ros Kaye", "senco.days_per_week=2"}},
		{"The SENCO is Mr Tam Rudd, who is also the Deputy Headteacher. He has one and a half days of SENCO release time each week.",
			[]string{"senco.name=Mr Tam Rudd", "senco.days_per_week=1.5", "senco.on_slt=true"}},
		{"Our SENDCo is Ms Vi Hart. Ms Hart teaches Year 5 and spends the rest of her week (two days) on SENDCo duties.",
			[]string{"senco.name=Ms Vi Hart", "senco.days_per_week=2"}},
		{"The governor who oversees SEND is Councillor Mrs Ann Bly.", []string{"governor.name=Councillor Mrs Ann Bly"}},
		// Qualifications in lower case or with a level, the subject cut at its clause;
		// an NPQ with its abbreviation inside; a duty "to have"; an item under the SENCO's line.
		{"Our SENCO, Mrs Pam Ude, holds a diploma in dyslexia and literacy which she completed in 2019.",
			[]string{"senco.name=Mrs Pam Ude", "senco.qualification=other:diploma in dyslexia and literacy"}},
		{"SENCO: Mr Jon Vick. He has a Level 5 certificate in access arrangements (CCET).",
			[]string{"senco.name=Mr Jon Vick", "senco.qualification=other:Level 5 certificate in access arrangements (CCET)"}},
		{"Our SENDCo, Ms Ife Ola, gained the National Professional Qualification (NPQ) for SENCOs in 2024.",
			[]string{"senco.name=Ms Ife Ola", "senco.qualification=NPQ_SENCO"}},
		{"Our SENCO is Mrs Kay Roe. A new SENCO has to gain the NPQ for SENCOs within three years.", []string{"senco.name=Mrs Kay Roe"}},
		{"If your child needs to see our SENCO, Mrs Kay Roe, who holds the NASENCO award, ask at the office.", []string{"senco.name=Mrs Kay Roe", "senco.qualification=NASENCO"}},
		{"Key people\n• Mr Al Dee - SENDCo\n- NASENCO (2020)\n- in school Mondays\n• Mrs Bo Fry - Head\n- NPQH",
			[]string{"senco.name=Mr Al Dee", "senco.qualification=NASENCO", "senco.days_per_week=1"}},
		// Trustees, a unit's management committee, a post shared with another brief.
		{"The trustee with oversight of special educational needs is Dr Rosa Quint.", []string{"governor.name=Dr Rosa Quint"}},
		{"Our SEND link trustee is Mr Aled Pugh.", []string{"governor.name=Mr Aled Pugh"}},
		{"The committee member with responsibility for SEND is Ms Uma Roy.", []string{"governor.name=Ms Uma Roy"}},
		{"The governor responsible for SEND and wellbeing\nis Revd Olu Hart.", []string{"governor.name=Revd Olu Hart"}},
		{"SEN and Pastoral Governor        Mrs Bea Lowe\nChair of Governors              Mr Cy Dunn", []string{"governor.name=Mrs Bea Lowe"}},
		{"SENCO: Mrs Ola Fenn. She holds Early Years Teacher Status.", []string{"senco.name=Mrs Ola Fenn", "senco.qualification=other:Early Years Teacher Status"}},
		// Abbreviated days after the name; a dashed range; a share of the week; "National Award for SENCO".
		{"SENCo - Mrs Ani Bell (Tue, Wed & Thu)", []string{"senco.name=Mrs Ani Bell", "senco.days_per_week=3"}},
		{"The SENCO is Mr Oz Pike. He is available Tuesday–Friday.", []string{"senco.name=Mr Oz Pike", "senco.days_per_week=4"}},
		{"Our SENCO is Ms Em Cole. She has completed the National Award for SENCO and works 0.4 of the week as SENCO.",
			[]string{"senco.name=Ms Em Cole", "senco.qualification=NASENCO", "senco.fte=0.4"}},
		{"Deputy Headteacher and SENCo: Mrs Liv Ure", []string{"senco.name=Mrs Liv Ure", "senco.on_slt=true"}},
		// Any sentence of the SENCO's presence naming weekdays; not part days or other events.
		{"Our SENCO is Mrs Di Oak. Mrs Oak is here Mondays, plus Thursdays.", []string{"senco.name=Mrs Di Oak", "senco.days_per_week=2"}},
		{"Our SENCO is Mr Jo Lim. His SENCO days this year: Mon to Wed.", []string{"senco.name=Mr Jo Lim", "senco.days_per_week=3"}},
		{"Our SENCO is Mrs Di Oak. She holds a drop-in on Wednesday afternoons. Parents' evening is on Tuesday.", []string{"senco.name=Mrs Di Oak"}},
		// A possessive is not part of the name; first person; a place after "SENCO at".
		{"Our SENDCo is Mr Ike Moss. Mr Moss's SENDCo time: Monday to Friday (full time, non-teaching).",
			[]string{"senco.name=Mr Ike Moss", "senco.days_per_week=5", "senco.fte=1"}},
		{"Hello, I'm Mrs Dee Vaux and I'm the SENCO at Elm Vale. I hold the NPQ for SENCOs.", []string{"senco.name=Mrs Dee Vaux", "senco.qualification=NPQ_SENCO"}},
		{"Our SENCO\nName: Mrs Uma Dale\nQualifications: MEd, National Award for SEN Coordination",
			[]string{"senco.name=Mrs Uma Dale", "senco.qualification=other:MEd", "senco.qualification=NASENCO"}},
		// Short surnames; full names of weekdays; degrees "in" a subject; doctorates.
		{"Our SENCo is Mrs Mai Ng. Mrs Ng works at Hillside on Tuesdays and Wednesdays.", []string{"senco.name=Mrs Mai Ng", "senco.days_per_week=2"}},
		{"SENDCo: Mr Al Poe (NPQSENCO, MSc in Child Development)", []string{"senco.name=Mr Al Poe", "senco.qualification=NPQ_SENCO", "senco.qualification=other:MSc in Child Development"}},
		{"Our SENCo is Dr Ida Wren. Dr Wren holds a doctorate in special education.", []string{"senco.name=Dr Ida Wren", "senco.qualification=other:doctorate in special education"}},
		{"Our SENDCo, Mrs Bo Kay, works full-time in her SENDCo role.", []string{"senco.name=Mrs Bo Kay", "senco.fte=1"}},
		{"Our SENCO is Mrs Flo Rudd. Mrs Rudd is at Hill Top on Mondays and Thursdays. She has the NPQ in SENCo.",
			[]string{"senco.name=Mrs Flo Rudd", "senco.days_per_week=2", "senco.qualification=NPQ_SENCO"}},
		{"Our Inclusion and SEND Lead is Ms Ana Roe. Ms Roe works part-time (0.6) and is in school Monday to Wednesday.",
			[]string{"senco.name=Ms Ana Roe", "senco.fte=0.6", "senco.days_per_week=3"}},
		{"The SENDCo is Mrs Cy Orme. She spends 0.4 of her timetable on the SENDCo role.", []string{"senco.name=Mrs Cy Orme", "senco.fte=0.4"}},
		// A question about presence answered with days; a place after "SENCO at".
		{"Who is the SENCO?\nMrs Eve Dahl\n\nWhen is the SENCO in school?\nTuesday and Thursday", []string{"senco.name=Mrs Eve Dahl", "senco.days_per_week=2"}},
		{"The SENCO at Fern Lea is Miss Ola Kent.", []string{"senco.name=Miss Ola Kent"}},
		// A senior post beside the SENCO's name.
		{"SENCo: Mrs Ada Hume, Assistant Principal", []string{"senco.name=Mrs Ada Hume", "senco.on_slt=true"}},
		{"SENCo: Ms Ivy Lowe (also Deputy Headteacher)", []string{"senco.name=Ms Ivy Lowe", "senco.on_slt=true"}},
		{"Our SENDCo, Mr Ty Bell, holds the NPQ for Special Educational Needs Co-ordinators.", []string{"senco.name=Mr Ty Bell", "senco.qualification=NPQ_SENCO"}},
		{"Mr Jo Finn is our SENDCo. He does not sit on the Senior Leadership Team.", []string{"senco.name=Mr Jo Finn", "senco.on_slt=false"}},
		{"Our SENCo, Miss Ola Brant, sits on the school's leadership group and works in school full time.",
			[]string{"senco.name=Miss Ola Brant", "senco.on_slt=true", "senco.fte=1"}},
		// "'s name?" questions; a share of a post; a subject before "and"; a senior post by surname.
		{"What is the SENCO's name?\nMs Ada-Mae Voss.\nMs Voss is employed 0.8 FTE, of which 0.4 is allocated to SENCO duties.",
			[]string{"senco.name=Ms Ada-Mae Voss", "senco.fte=0.4"}},
		{"SENCO: Mr Bo Finch. Mr Finch holds a Master's degree in Special Educational Needs and the NPQ for SENCOs.",
			[]string{"senco.name=Mr Bo Finch", "senco.qualification=other:Master's degree in Special Educational Needs", "senco.qualification=NPQ_SENCO"}},
		{"The SENDCo is Dr Lia Mohr. Dr Mohr is an Assistant Headteacher.", []string{"senco.name=Dr Lia Mohr", "senco.on_slt=true"}},
		{"Our SENCo is Mrs Uma Rai. She has a 0.6 teaching timetable; the rest of her time is spent on the SENCo role.", []string{"senco.name=Mrs Uma Rai", "senco.fte=0.4"}},
		// A bare fraction about the post, but not days, hours or teaching.
		{"Our SENCO is Mrs Fay Orr. Mrs Orr's SENCO contract is 0.6.", []string{"senco.name=Mrs Fay Orr", "senco.fte=0.6"}},
		{"Our SENCO is Mrs Fay Orr. She has a 0.8 teaching timetable in her post.", []string{"senco.name=Mrs Fay Orr"}},
		{"The named SENCO for Tennyson Road is Mrs Bev Hale. Mrs Hale's SENCO time is two and a half days per week.",
			[]string{"senco.name=Mrs Bev Hale", "senco.days_per_week=2.5"}},
		{"Our SENCO, Mr Al Rhee, works full time and is supported by two assistants.", []string{"senco.name=Mr Al Rhee", "senco.fte=1"}},
		{"Acting SENDCo: Mrs Ty Welsh (covering maternity leave)\nSENDCo (on maternity leave): Ms Bee Hollis", []string{"senco.name=Mrs Ty Welsh", "senco.name=Ms Bee Hollis"}},
		{"Our SENCo (Mrs Tia Moss) has one day a week set aside for SENCo work.", []string{"senco.name=Mrs Tia Moss", "senco.days_per_week=1"}},
		{"The SENCO role at Elm is shared between Mrs Kay Roe (Years 3 and 4) and Mrs Jo Pell (Years 5 and 6).", []string{"senco.name=Mrs Kay Roe", "senco.name=Mrs Jo Pell"}},
		{"The SENDCo is Ms Ivy Dean (NASENCo, PGCert SpLD).", []string{"senco.name=Ms Ivy Dean", "senco.qualification=NASENCO", "senco.qualification=other:PGCert SpLD"}},
		// The last resort: one titled person in a sentence with the role and no other role.
		{"Since 2019 Mrs Ada Lee has steered SEN here as SENCO.", []string{"senco.name=Mrs Ada Lee"}},
		{"Mrs Ada Lee, our headteacher, meets the SENCO weekly.", nil},
		{"Mr Ken Ode joined us in September as our new SENDCo, taking over from Mrs Wyn Platt. Mr Ode holds the NPQ for SENCOs.",
			[]string{"senco.name=Mr Ken Ode", "senco.qualification=NPQ_SENCO"}},
		{"The Trust's SEND Lead, Dr Al Fenn, supports each SENDCo.", nil},
		// Part days by range; another person's days; the SENCO award as a certificate; "the senior team".
		{"Our SENCO is Mrs Ivy Barr. She works Monday to Friday mornings and is a member of the senior team.", []string{"senco.name=Mrs Ivy Barr", "senco.on_slt=true"}},
		{"Our SENDCo is Mr Al Eze. The team includes a therapist (Ms Eve Marsh, employed two days a week).", []string{"senco.name=Mr Al Eze"}},
		{"Our SENCO is Mrs Ivy Barr. She gained the Postgraduate Certificate in Special Educational Needs Co-ordination (NASENCO).",
			[]string{"senco.name=Mrs Ivy Barr", "senco.qualification=NASENCO"}},
		{"Our Special Needs Co-ordinator is Mrs Cat Howe. She has a reduced teaching load (0.3) so that she can lead SEND, and is a member of the college leadership team.",
			[]string{"senco.name=Mrs Cat Howe", "senco.fte=0.7", "senco.on_slt=true"}},
		{"Our SENDCo is Mrs Ola Dee. She is not currently a member of the senior leadership team.", []string{"senco.name=Mrs Ola Dee", "senco.on_slt=false"}},
		// Duties are not facts.
		{"The SENCO must be a qualified teacher and must achieve the NPQ for SENCOs within three years.", nil},
		// A list of duties under its lead-in (textstage's cue.duty.lead).
		{"The SENCO at the time of writing is Mrs Oona Tate.\nThe SENCO will:\n- hold QTS and the National Award for SEN Co-ordination\n- attend governors' meetings",
			[]string{"senco.name=Mrs Oona Tate"}},
		// Awards besides the SENCO's, in the words most writers give them.
		{"Our SENCO, Mrs Lys Orme, is an Associate Member of the British Dyslexia Association and has signed at BSL Level 2 since 2015.",
			[]string{"senco.name=Mrs Lys Orme", "senco.qualification=other:AMBDA", "senco.qualification=other:BSL Level 2"}},
		{"The SENDCo, Mr Hal Rook, has completed Level 3 British Sign Language and a doctorate in children's\nspeech development.",
			[]string{"senco.name=Mr Hal Rook", "senco.qualification=other:British Sign Language Level 3", "senco.qualification=other:doctorate in children's speech development"}},
		{"Our headteacher, Mrs Pru Lake, is also our SENCO. She holds the National Professional Qualification for Executive Leadership (NPQEL) and NASENCo.",
			[]string{"senco.name=Mrs Pru Lake", "senco.qualification=other:National Professional Qualification for Executive Leadership", "senco.qualification=NASENCO"}},
		// Another person's award, and a part in an award that is not holding it.
		{"Our SENCO is Mr Col Reyes. He works with our lead TA, Mrs Di Vance, who holds BSL Level 3.", []string{"senco.name=Mr Col Reyes"}},
		{"Our SENCO is Mr Col Reyes. He is a tutor on the NPQ for SENCOs for the county and holds an MEd in Inclusive Practice.",
			[]string{"senco.name=Mr Col Reyes", "senco.qualification=other:MEd in Inclusive Practice"}},
		{"Our SENCO is Ms Fay Oduya. She is registered for the National Award for SEN Co-ordination, which she expects to finish in 2027.",
			[]string{"senco.name=Ms Fay Oduya"}},
		// The letters on the line under the SENCO's name; an award inside a longer award's name.
		{"Special Educational Needs Co-ordinator\nMr Ike Dunne\nBSc (Hons), MA Special Education, NPQSENCO",
			[]string{"senco.name=Mr Ike Dunne", "senco.qualification=other:BSc (Hons)", "senco.qualification=other:MA Special Education", "senco.qualification=NPQ_SENCO"}},
		{"Our SENCO, Mrs Nia Cole, holds a Postgraduate Diploma in Dyslexia with AMBDA and a master's in special education.",
			[]string{"senco.name=Mrs Nia Cole", "senco.qualification=other:Postgraduate Diploma in Dyslexia with AMBDA", "senco.qualification=other:master's in special education"}},
		// names5: someone else's seat; letters under the name; a day's short form in a name.
		{"Our SENCO is Mr Kofi Boateng. When he is away, ring the office and a member of the leadership team will call you back.", []string{"senco.name=Mr Kofi Boateng"}},
		{"No SENCO is in post this term; Mrs Ula Brook, Assistant Headteacher, answers SEN questions for the SENCO.", nil},
		{"Our SENDCo\n\nMrs Hana Okafor\nMEd, NASENCo\n\nMrs Okafor leads SEND across the school.", []string{"senco.name=Mrs Hana Okafor", "senco.qualification=NASENCO", "senco.qualification=other:MEd"}},
		{"Ms Thu Ha Pham, our SENCO, is supported by two teaching assistants.", []string{"senco.name=Ms Thu Ha Pham"}},
	}
	fields := map[string]bool{"senco.name": true, "senco.qualification": true, "senco.days_per_week": true, "senco.hours_per_week": true,
		"senco.fte": true, "senco.on_slt": true, "governor.name": true}
	for _, c := range cases {
		got := map[string]bool{}
		for _, f := range Facts(c.text) {
			checkEvidence(t, c.text, f)
			if fields[f.Field] {
				v := f.Value
				if f.ValueNum != nil {
					v = strconv.FormatFloat(*f.ValueNum, 'f', -1, 64)
				}
				got[f.Field+"="+v] = true
			}
		}
		expectExactly(t, c.text, got, c.want)
	}
}

func TestNotHeldYet(t *testing.T) {
	for _, s := range []string{"is currently studying for the National Award for SEN Co-ordination", "will complete the NASENCO next year",
		"is in her second year of the NPQ for SENCOs", "is completing the NPQ for SENCOs this year", "began the National Professional Qualification for SENCOs in May"} {
		text := "Our SENCO is Mrs Eve Lund. She " + s + "."
		for _, f := range Facts(text) {
			if f.Field == "senco.qualification" {
				t.Errorf("%q: %s counted as held", s, f.Value)
			}
		}
	}
	_ = strings.TrimSpace
}

func TestProvisionAndStats(t *testing.T) {
	cases := []struct {
		text    string
		docType string
		want    []string
	}{
		{"We host a resourced provision for pupils with autism. It has 12 places.", "", []string{"provision.specialist=resourced_provision:ASD/12"}},
		{"Our Hearing Unit for deaf children is staffed by Teachers of the Deaf.", "", []string{"provision.specialist=sen_unit:HI"}},
		{"The school runs a nurture group at lunchtimes.", "", []string{"provision.specialist=nurture_group:"}},
		{"We do not have a specialist unit. The LA plans to open a resource base for SEMH next year.", "", nil},
		{"It is proposed to establish a 20 place Specialist Resourced Provision for Communication and Interaction needs.", "la_school_sen_page",
			[]string{"provision.specialist=resourced_provision:C&I/20"}},
		{"There are 312 pupils on roll. 41 pupils have SEN, 13% of our pupils (the national average is 13.6%), and 6 pupils have an EHC plan.", "",
			[]string{"stats.number_on_roll=312", "stats.sen_count=41", "stats.sen_percent=13", "stats.ehcp_count=6"}},
		{"Nationally, 4.8% of pupils have an EHC plan.", "", nil},
		{"We have 1,204 students on roll, and 38 hold an Education, Health and Care Plan.", "",
			[]string{"stats.number_on_roll=1204", "stats.ehcp_count=38"}},
		{"Children with SEND: 44 (20.5%)", "", []string{"stats.sen_count=44", "stats.sen_percent=20.5"}},
		{"In the census, 63 of our 410 students (15.4%) were on the SEN register.", "",
			[]string{"stats.number_on_roll=410", "stats.sen_count=63", "stats.sen_percent=15.4"}},
		{"Number of pupils on the SEN register: 19 (out of 204 pupils).", "", []string{"stats.sen_count=19", "stats.number_on_roll=204"}},
		{"There are 31 children receiving SEN support.", "", []string{"stats.sen_count=31"}},
		{"Resourced provisions are places in mainstream schools for children with an EHC plan.", "la_guidance", nil},
		{"Of our 350 pupils, 40 receive SEN support.", "", []string{"stats.number_on_roll=350", "stats.sen_count=40"}},
		{"We have 22 pupils on the SEN register, 5 of whom have an EHC plan.", "", []string{"stats.sen_count=22", "stats.ehcp_count=5"}},
		{"Hill Top has 1,250 students, of whom 150 (12%) receive SEN support and 40 (3.2%) have an EHCP.", "",
			[]string{"stats.number_on_roll=1250", "stats.sen_count=150", "stats.sen_percent=12", "stats.ehcp_count=40"}},
		{"There are 210 children at Hill Top; 16% have special educational needs.", "", []string{"stats.number_on_roll=210", "stats.sen_percent=16"}},
		{"Our resource base supports 20 pupils with an EHC plan for autism.", "", []string{"provision.specialist=resource_base:ASD/20"}},
		{"Percentage of pupils with SEND: 14%\nTotal roll: 415", "", []string{"stats.sen_percent=14", "stats.number_on_roll=415"}},
		{"A special school for 88 pupils. All pupils have an EHC plan.", "", []string{"stats.number_on_roll=88", "stats.ehcp_count=88"}},
		{"Pupils on roll: 247\nPupils with SEN support: 29\nPupils with an Education, Health and Care Plan: 7", "",
			[]string{"stats.number_on_roll=247", "stats.sen_count=29", "stats.ehcp_count=7"}},
		{"At Elm Vale, 42 out of 310 pupils (13.5%) are on our SEN register.", "",
			[]string{"stats.number_on_roll=310", "stats.sen_count=42", "stats.sen_percent=13.5"}},
		{"In 2025 Elm had 1,020 students; 130 had SEN support and 25 had an EHC plan.", "",
			[]string{"stats.number_on_roll=1020", "stats.sen_count=130", "stats.ehcp_count=25"}},
		{"27 children are on the SEN register, from a school population of 189.", "", []string{"stats.sen_count=27", "stats.number_on_roll=189"}},
		{"Elm Hill is a one-form entry primary with 210 pupils.", "", []string{"stats.number_on_roll=210"}},
		{"The school has a Language Base for 10 pupils.", "", []string{"provision.specialist=resource_base:SLCN/10"}},
		{"Number of students: 864\nStudents on the SEND register: 103 (11.9%)\nStudents with an EHCP: 22 (2.5%)", "",
			[]string{"stats.number_on_roll=864", "stats.sen_count=103", "stats.sen_percent=11.9", "stats.ehcp_count=22"}},
		{"The school has a visual impairment unit with 8 places.", "", []string{"provision.specialist=sen_unit:VI/8"}},
		{"Penrose is a comprehensive for 11-16 year olds with around 1,300 students. Approximately 180 students receive SEN support.", "",
			[]string{"stats.number_on_roll=1300", "stats.sen_count=180"}},
		{"1,046 students on roll; 126 on SEN Support; 29 with an EHCP.", "", []string{"stats.number_on_roll=1046", "stats.sen_count=126", "stats.ehcp_count=29"}},
		{"Last year 14% of our children were on the SEND register.", "", []string{"stats.sen_percent=14"}},
		{"Elm has 500 pupils. 70 pupils (14%) are on the SEN register.", "", []string{"stats.number_on_roll=500", "stats.sen_count=70", "stats.sen_percent=14"}},
		{"Around one in six of our pupils (16%) has special educational needs.", "", []string{"stats.sen_percent=16"}},
		{"Mrs Ann Ely was previously SENCo at Holly Lane Infants, where she set up a nurture group.", "", nil},
		{"25 pupils (12%) receive SEN Support.", "", []string{"stats.sen_count=25", "stats.sen_percent=12"}},
		{"Elm is a larger-than-average primary school (NOR 588).", "", []string{"stats.number_on_roll=588"}},
		{"The national average is 13% of pupils.", "", nil},
		{"Of our 275 pupils, 31 are on the SEN register (11.3%).", "", []string{"stats.number_on_roll=275", "stats.sen_count=31", "stats.sen_percent=11.3"}},
		{"Our Nurture Room is currently closed for refurbishment and will reopen in the spring.", "", nil},
		{"SEND Register\nSEN Support: 119\nEHCP: 27\nTotal on register: 146 (13.2%)", "", []string{"stats.sen_count=119", "stats.ehcp_count=27", "stats.sen_percent=13.2"}},
		{"In October 2025, 1 in 8 pupils (12.5%) was on the SEND register.", "", []string{"stats.sen_percent=12.5"}},
		{"Seaview has 203 pupils; 35 are on the SEN register and 6 have EHC plans.", "", []string{"stats.number_on_roll=203", "stats.sen_count=35", "stats.ehcp_count=6"}},
		{"There are 312 children at Old Mill. 46 of them (14.7%) are identified as having special educational needs.", "",
			[]string{"stats.number_on_roll=312", "stats.sen_count=46", "stats.sen_percent=14.7"}},
		// The need type is more telling than the broad area around it.
		{"Enhanced provision: Cognition and Learning (dyslexia) - 10 places.", "", []string{"provision.specialist=resourced_provision:SpLD/10"}},
		{"The Learning Support Centre teaches up to 6 pupils with communication and interaction needs.", "",
			[]string{"provision.specialist=resource_base:C&I/6"}},
	}
	for _, c := range cases {
		got := map[string]bool{}
		for _, f := range Default().factsFor(c.text, c.docType, Default().namesOnce(c.text)) {
			if f.Field != "provision.specialist" && !strings.HasPrefix(f.Field, "stats.") {
				continue
			}
			checkEvidence(t, c.text, f)
			v := f.Value
			if strings.HasPrefix(f.Field, "stats.") {
				v = strconv.FormatFloat(*f.ValueNum, 'f', -1, 64)
			} else if f.ValueNum != nil {
				v += "/" + strconv.FormatFloat(*f.ValueNum, 'f', -1, 64)
			}
			got[f.Field+"="+v] = true
		}
		expectExactly(t, c.text, got, c.want)
	}
}

func TestInterventionsAndStatutoryItems(t *testing.T) {
	text := "Our SENCO is Mrs Ida Moor (senco@x.example). Pupils may join ELSA sessions, Lego therapy or sensory circuits, " +
		"and we work with the speech and language therapy service. We welcome pupils to thrive. " +
		"If you wish to complain, see our complaints policy. The Local Offer is on the council's website."
	got := map[string]bool{}
	for _, f := range Facts(text) {
		checkEvidence(t, text, f)
		got[f.Field+"="+f.Value] = true
	}
	for _, w := range []string{"provision.intervention=ELSA", "provision.intervention=Lego therapy", "provision.intervention=sensory circuits",
		"provision.intervention=speech and language therapy", "statutory.item=S1.04", "statutory.item=S1.09", "statutory.item=S1.13", "statutory.item=S1.10"} {
		if !got[w] {
			t.Errorf("missing %s", w)
		}
	}
	if got["provision.intervention=Thrive"] {
		t.Error(`"pupils to thrive" is not the Thrive approach`)
	}
	if got["need.type=SLCN"] {
		t.Error("a speech and language therapy service is not a need")
	}
}

func TestExtendVocabularies(t *testing.T) {
	base := Default()
	// A local title for the SENCO.
	text := "Our Additional Needs Co-ordinator is Mrs Ada Finn."
	for _, f := range base.Facts(text) {
		if f.Field == "senco.name" {
			t.Fatalf("found %q before the title was added", f.Value)
		}
	}
	x, n, err := base.Extend(strings.NewReader("senco.role\tANCo\tAdditional\\s+Needs\\s+Co-?ordinator\n+\tOur Additional Needs Coordinator\n"), "la.tsv")
	if err != nil || n != 1 {
		t.Fatal(n, err)
	}
	found := false
	for _, f := range x.Facts(text) {
		found = found || f.Field == "senco.name" && f.Value == "Mrs Ada Finn"
	}
	if !found {
		t.Error("the added SENCO title was not used")
	}
	for _, f := range base.Facts(text) {
		if f.Field == "senco.name" {
			t.Errorf("extending changed the extractor it was made from: %q", f.Value)
		}
	}
	x, n, err = x.Extend(strings.NewReader("# ours\nneed.type\tASD\t\\bneurodivergen\n"), "la.tsv")
	if err != nil || n != 1 {
		t.Fatal(n, err)
	}
	found = false
	for _, f := range x.Facts("We support neurodivergent pupils.") {
		found = found || f.Field == "need.type" && f.Value == "ASD"
	}
	if !found {
		t.Error("the added wording was not used")
	}
	// A value in brackets is a value, not an expression.
	if _, n, err := x.Extend(strings.NewReader("provision.intervention\tRead Write Inc (RWI)\t\\bRWI\\b\n"), "la.tsv"); err != nil || n != 1 {
		t.Errorf("a value with brackets: %d, %v", n, err)
	}
	// A rule table's field takes a wording too, and its examples are run.
	x, _, err = x.Extend(strings.NewReader("senco.on_slt\ttrue\t\\bin\\s+the\\s+school'?s\\s+core\\s+leadership\n+\tShe is in the school's core leadership.\n"), "la.tsv")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, f := range x.Facts("Our SENCO, Mrs Ann Poe, is in the school's core leadership.") {
		got[f.Field+"="+f.Value] = true
	}
	if !got["senco.on_slt=true"] {
		t.Errorf("the added senco.on_slt wording was not used: %v", got)
	}
	for _, c := range []struct{ file, want string }{
		{"colour\tred\tx\n", "bad.tsv:1"},
		{"need.type\tASD\t(unclosed\n", "bad.tsv:1"},
		{"need.type\tASD\t\\bneurodiv\n-\tneurodiverse pupils\n", "bad.tsv:2"},
		{"senco.fte\t$2\t(0\\.\\d) FTE\n", "bad.tsv:1"},
		{"senco.days_per_week\t$1\t{days}\n", "unknown fragment {days}"},
		{"senco.days_per_week\tdays($1)\t(\\d) days\n", "bad.tsv:1: value \"days($1)\""},
	} {
		if _, _, err := base.Extend(strings.NewReader(c.file), "bad.tsv"); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want an error naming %s", c.file, err, c.want)
		}
	}
}

// expectExactly checks that got holds every wanted "field=value" and nothing else.
func expectExactly(t *testing.T, text string, got map[string]bool, want []string) {
	t.Helper()
	for _, w := range want {
		if !got[w] {
			t.Errorf("%q: missing %s (got %v)", text, w, got)
		}
		delete(got, w)
	}
	for extra := range got {
		t.Errorf("%q: unexpected %s", text, extra)
	}
}
