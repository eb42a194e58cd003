package analysis

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// Wordings written for these tests, in the many ways schools name their SENCO.
func TestSENCONames(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"Our SENCO is Mrs Jane Pemberton.", []string{"Mrs Jane Pemberton"}},
		{"The SENDCo at our school is Mr O. Adebayo and she can be reached by email.", []string{"Mr O. Adebayo"}},
		{"SENCO: Miss R Kowalski", []string{"Miss R Kowalski"}},
		{"Please speak to Mrs Delia Frost (SENCo) about any concerns.", []string{"Mrs Delia Frost"}},
		{"Mr Ian Calloway, Inclusion Lead, oversees provision.", []string{"Mr Ian Calloway"}},
		{"If you would like more information please contact the SENDCo, Martha Ellison", []string{"Martha Ellison"}},
		{"Special Educational Needs Co-ordinator | Dr Fiona Baptiste |", []string{"Dr Fiona Baptiste"}},
		{"Our SENCOs are Mrs Anna Reid and Mr Paul Okonjo.", []string{"Mrs Anna Reid", "Mr Paul Okonjo"}},
		{"Mrs Clare Doyle is our Assistant SENCO.", nil},
		{"The Deputy SENCO, Mrs Ruth Baines, runs the nurture group.", nil},
		// A helper's title with words between it and the role.
		{"She works alongside our Assistant Trust SENDCo, Mr Colm Daly.", nil},
		{"Deputy Primary SENCO: Mrs Ines Faro", nil},
		// The role named to say something is not for it.
		{"Letters about transport go to our Office Manager, Mrs Tessa Byrne, not to the SENCO.", nil},
		{"Dinner money queries should go to Mr Abel Kerr rather than to the SENDCo; he is not the SENDCo.", nil},
		{"Headteacher: Mr Simon Tate. Contact the school office to speak to a member of staff.", nil},
		{"Our SENCO works closely with the Local Authority.", nil},
		{"Email senco@brambleford.example for an appointment with Special Educational Needs staff.", nil},
		// A staff list: each row's one person holds that row's posts, not the
		// next row's or the one before (columns collapse to single spaces).
		{"Deputy Head / Year 4 teacher Mrs Olive Grant\nSENDCo / Year 3 teacher Mr Tom Reyes\nKS2 Leader Miss Ada Cole", []string{"Mr Tom Reyes"}},
		{"Mr K. Lamb Deputy Headteacher - Pastoral\nMs P. Ojo Assistant Headteacher - Inclusion (SENCO)\nDr F. Nye Assistant Headteacher - Curriculum", []string{"Ms P. Ojo"}},
		{"Mrs R. Amadi (SENCO)\nMrs Amadi is the SENCO for both of our schools.", []string{"Mrs R. Amadi"}},
		{"Miss D. Fenn Assistant SENCO (Year 7)\nMr L. Shaw Head of Maths", nil},
		// A contact block of label: value lines.
		{"Name of contact: Mrs Lena Holt\nPosition: SENDCo\nPhone: 01632 960222", []string{"Mrs Lena Holt"}},
		{"Headteacher: Mr Carl Abbott\nPosition: SENDCo", nil},
		// A name kept whole: given in full elsewhere, or wrapped at a line's end.
		{"Mr Sam Idowu came to us from a school in Leeds.\nOur SENCO is Mr Idowu.", []string{"Mr Sam Idowu"}},
		{"If you want to talk about SEND, our SENCO is Mrs Nia\nEdwards, who works on Tuesdays.", []string{"Mrs Nia Edwards"}},
		// Places, organisations and qualifiers are no one.
		{"Mrs Vera Lund is Trust SENCO for Hollin Brook Learning Trust.", []string{"Mrs Vera Lund"}},
		{"Level 2 Early Years SENCO training is offered to staff.", nil},
		// Capitalised words qualifying the role; the role held by someone's post.
		{"Please meet Jo Pike, Lower School SENCo.", []string{"Jo Pike"}},
		{"The SENCO role is held by our Assistant Head, Mr Owen Tarrant.", []string{"Mr Owen Tarrant"}},
		{"Mrs Jo Elms is Assistant Headteacher and SENCO for the school.", []string{"Mrs Jo Elms"}},
		// Domain words in capitals are no one: qualifications, services, places.
		{"Mr Ola Dunn completed the National\nProfessional Qualification for SENCOs last year.", nil},
		{"Our SENCO holds a Postgraduate Certificate and works with the Sensory Support Service.", nil},
		{"Contact the SENDCo at Fernlea Valley Federation for details.", nil},
		// A table of several schools' SENCOs: the role's column, row by row;
		// an acting SENCO counts, a deputy or a former one does not.
		// names5: names of every origin, in the places the role puts them.
		{"Our SENDCo is Mr Emyr ap Gruffydd.", []string{"Mr Emyr ap Gruffydd"}},
		{"SENCO: Ms Clodagh Nic Giolla Easpaig", []string{"Ms Clodagh Nic Giolla Easpaig"}},
		{"Mrs Farah bint Khalid (SENCo) meets families on request.", []string{"Mrs Farah bint Khalid"}},
		{"Inclusion Manager – Mr Thijs van den Heuvel", []string{"Mr Thijs van den Heuvel"}},
		{"SENDCO - P. R. Iyer", []string{"P. R. Iyer"}},
		{"Miss B VASQUEZ, SENCO", []string{"Miss B VASQUEZ"}},
		{"Tomasz Zieliński is the academy's SENCo and teaches science.", []string{"Tomasz Zieliński"}},
		{"Alex Moyo (they/them) is our SENCO.", []string{"Alex Moyo"}},
		// A lead-in with a colon, then the list of the role's holders.
		{"Two teachers share the SENDCo post this year:\n\n- Infants: Mrs Chidi Okeke\n- Juniors: Mr Bartosz Nowak", []string{"Mrs Chidi Okeke", "Mr Bartosz Nowak"}},
		{"Each site has its own SENCO:\n* Castle Street – Ms Ffion ap Rhys\n* Mill Lane – Mrs Deepa Iyer (interim)\n* Mill Lane – Mrs Jo Hart, SEND administrator", []string{"Ms Ffion ap Rhys", "Mrs Deepa Iyer"}},
		{"Our SENCO is helped by:\n- Mrs Ama Owusu, Assistant SENCO\n- Mr Li Wei, Learning Mentor", nil},
		// A label a note in brackets wraps onto the next line.
		{"Headteacher: Mr Oren Blake\nInterim SENCo (until the new post holder starts in\nApril): Mrs Keziah Mensah-Boateng", []string{"Mrs Keziah Mensah-Boateng"}},
		// A question, then its answer.
		{"Who is our SENDCo?\n\nMrs Yetunde Bakare-Olaniyan. She joined us in 2023.", []string{"Mrs Yetunde Bakare-Olaniyan"}},
		{"Q3: Who is the SENCO?\nA: Mr Hamza el-Sayed, who also teaches Year 6.", []string{"Mr Hamza el-Sayed"}},
		{"Who is the SENCO?\nThe headteacher, Mrs Ruth Agyeman, will tell you.", nil},
		// The next sentence says who shares the role.
		{"The SENDCo role is split across the week. Mrs Noor Haddad and Mr Gethin Morgan share the role.", []string{"Mrs Noor Haddad", "Mr Gethin Morgan"}},
		{"Academy | Ages | SENCo | Telephone\nLinden Park Primary | 4-11 | Mrs K. Osei | 01632 960301\nMoor End Infants | 4-7 | Mr J. Varga (acting) | 01632 960302\nHightown Juniors | 7-11 | Ms L. Brandt (deputy) | 01632 960303",
			[]string{"Mrs K. Osei", "Mr J. Varga"}},
		{"School\tSENDCo name\tEmail\nAsh Lane Primary\tMiss E. Rourke\te.rourke@ash.example\nBirch Hill Academy\tDr M. Fenwick\tm.fenwick@birch.example",
			[]string{"Miss E. Rourke", "Dr M. Fenwick"}},
		{"Setting | School SENCo (name) | Days\nRowan Nursery | Ms T. Adeyemi | 2\nRowan Infants | Mr B. Holm | 3", []string{"Ms T. Adeyemi", "Mr B. Holm"}},
		{"Pupil | SENCO's note | Date\nA | Mrs B. Cole spoke to parents | 3 May", nil},
		{"Each of our schools has its own SENCo: Mrs Pia Lang (Oakvale), Mr Rhys Penn (Elmwood) and Miss Cara Dee (Thornbury).",
			[]string{"Mrs Pia Lang", "Mr Rhys Penn", "Miss Cara Dee"}},
		// A role heading with the name under it; an interim SENCO counts.
		{"SENDCo (interim)\nMr Kofi Mensah\nEmail: k.mensah@fernlea.example", []string{"Mr Kofi Mensah"}},
		// A former SENCO: the sentence says they left or retired.
		{"Mrs Dora Pike, our SENCO for twelve years, retired in July.\nOur new SENCO is Mr Eli Hart.", []string{"Mr Eli Hart"}},
		{"Mr Len Quist, SENDCo since 2018, left the school at Easter.", nil},
		{"The former SENCO, Mrs Ivy Moss, now works for the trust. The current SENCO is Miss Gail Rowe.", []string{"Miss Gail Rowe"}},
		{"Our SENCO, Miss Gail Rowe, joined us when Mrs Ivy Moss left the school.", []string{"Miss Gail Rowe"}},
		// Given up before the role ("stood down as our SENDCo"), or a past span
		// after it ("SENCO from 2011 to April 2024").
		{"Last summer Mr Owain Tudor stood down as our SENDCo after a decade in post.", nil},
		{"Ms Bryony Hale is now our SENCo.\nShe took over after the departure of Mr Nils Odden, SENCo from 2011 to April 2024.", []string{"Ms Bryony Hale"}},
		// A tool or test named beside the role is no one.
		{"Our SENDCo may use a screener (for example the Dyslexia Screener or the Sandwell Assessment) before referring on.", nil},
		{"The SENCO works through the Emotional Literacy Toolkit with each pupil.", nil},
		// Names take any letter: accents, both apostrophes, hyphens.
		{"Our SENDCo is Mr Joaquín Peñalver.", []string{"Mr Joaquín Peñalver"}},
		{"Ms Zoë Brontë-Lyle (SENCo) meets every family each term.", []string{"Ms Zoë Brontë-Lyle"}},
		{"SENCO: Mrs Róisín O’Shea", []string{"Mrs Róisín O’Shea"}},
		{"Mrs Łucja Wiśniewska is the SENCO here.", []string{"Mrs Łucja Wiśniewska"}},
		// A phrase for the role, and a name followed by posts ending in the role.
		{"The member of staff with responsibility for SEN is Mrs Greta Holm, Assistant Principal and Whole-School SENDCo.", []string{"Mrs Greta Holm"}},
		{"Day-to-day leadership of special needs provision rests with Mr Tobias Renner, Director of Inclusion and Academy SENCo.", []string{"Mr Tobias Renner"}},
		// Every title; acting, interim or temporary between the name and the role.
		{"Dr Amara Quist is our acting SENDCo this term.", []string{"Dr Amara Quist"}},
		{"Rev Paul Ashdown is the school's temporary SENCO.", []string{"Rev Paul Ashdown"}},
		{"Mx Robin Achterberg is our interim SENCo until the summer.", []string{"Mx Robin Achterberg"}},
		// A trust's own SENDCo, the role joined with another post.
		{"Our Trust SENCO and Head of Inclusion, Dr Lena Voss, leads the network meetings.", []string{"Dr Lena Voss"}},
		{"The Trust SENDCo, Mr Alun Pryce, visits each academy every half term.", []string{"Mr Alun Pryce"}},
		{"Following Mr Ravi Dutt's retirement, Mrs Hanne Borg is our acting SENCO.", []string{"Mrs Hanne Borg"}},
		// Where the role is held, between the role and "is held by".
		{"The SENCO role in our small school is held by our Head of School, Mr Ade Okoro.", []string{"Mr Ade Okoro"}},
		{"The SENDCo post across both sites is held by Ms Wren Adair.", []string{"Ms Wren Adair"}},
		{"Questions go to Ms Ula Penn, Head of Lower School and Primary SENDCo.", []string{"Ms Ula Penn"}},
		// Not the holder: another person before the role, or a post with an article.
		{"Parents meet the SENCO and the Head of Inclusion, Mrs Ana Reyes, each term.", nil},
		{"Please contact Mrs Ana Reyes, Head of Year 9, or the SENCO.", nil},
		{"Mrs Ana Reyes, Headteacher, Mr Ben Ode, SENCO", []string{"Mr Ben Ode"}},
		// Leading the school's SEN work, then the role.
		{"Mr Idwal Pryce leads SEN at Carreg Las as its SENCO.", []string{"Mr Idwal Pryce"}},
		{"Mrs Noor Saleh co-ordinates inclusion here as our interim SENDCo.", []string{"Mrs Noor Saleh"}},
		{"Mrs Noor Saleh leads SEN at Carreg Las as its Assistant SENCO.", nil},
		// A roster under a heading or lead-in naming the role in the plural:
		// each row's one person, initials alone too; not an assistant's row,
		// not a head's, not past a paragraph.
		{"Our schools' SENCOs\nAsh Vale Infants – Mrs Lotte Brandt – senco@ashvale.example\nBirch Hill Juniors – T. M. (maternity cover)\nCedar Primary – post vacant, please contact the Headteacher, Mr Joel Amis\nAssistant SENCO: Miss Faye Orr",
			[]string{"Mrs Lotte Brandt", "T. M."}},
		{"Our academy SENCOs are:\n• Dr Wren Castell (Oakmoor Academy)\n• Mr Ravi Ahluwalia (Pinecrest Academy)", []string{"Dr Wren Castell", "Mr Ravi Ahluwalia"}},
		{"Academy SENCOs\nEvery academy appoints a qualified SENCO. Ours are supported by the SEND trustee, Mrs Gail Ure.", nil},
		{"Hollin Primary – SENDCo: B. N. – sendco@hollin.example", []string{"B. N."}},
		// A record of labels over values.
		{"Contact Name\nMr Silas Brandauer\nContact Position\nSENDCo and base lead\nTelephone\n01632 960 123", []string{"Mr Silas Brandauer"}},
		{"Contact Name\nMr Silas Brandauer\nContact Position\nHeadteacher", nil},
		// The fuller form of the same person wins.
		{"Mrs Tamsin Orrell-Hay is our SENCO.\n\nSENCO | Mrs T. Orrell-Hay | t.orrellhay@school.example", []string{"Mrs Tamsin Orrell-Hay"}},
		{"Mrs Tamsin Orrell-Hay is our headteacher.\n\nSENCO | Mrs P. Orrell-Hay | p.orrellhay@school.example", []string{"Mrs P. Orrell-Hay"}},
		// names6: a table of several schools' SENCOs in any separator, its
		// header naming the role's column (a run of three spaces or more is a
		// tab once normalised); not a glossary's row among rows.
		{"Setting\tSENDCo\tMornings\nHeron Nursery\tMr D. Kalu (Head of School & SENDCo)\tMon\nHeron Infants\tJ. Seddon\tTue\nHeron Juniors\tPost vacant - contact the Trust\t-",
			[]string{"Mr D. Kalu", "J. Seddon"}},
		{"Our schools\n\nSchool\nSENDCo\nTelephone\nAsh Vale\nMrs Lotte Brandt\n01632 960301\nBirch Hill\nMr Omar Haddad (acting)\n01632 960302\nCedar\nMiss Faye Orr (assistant)\n01632 960303", []string{"Mrs Lotte Brandt", "Mr Omar Haddad"}},
		{"SENCO\nMrs Lotte Brandt\nTelephone\n01632 960301", []string{"Mrs Lotte Brandt"}},
		{"Abbreviations\nEHCP\tEducation, Health and Care Plan\nSENCO\tSpecial Educational Needs Co-ordinator\nHI\tHearing Impairment", nil},
		// A heading joining another post to the role, the name under it with
		// the letters of its awards after it.
		{"Trust Inclusion\n\nTrust SENCO and Head of Safeguarding\nMr Idris Bowen-Pugh MA, NASENCO\nMr Bowen-Pugh visits each school weekly.", []string{"Mr Idris Bowen-Pugh"}},
		{"SENDCo and Deputy Head\nMrs Ayo Banjo speaks at every parents' evening.", nil},
		{"Learning Support\nDr Ana Vela\nSENDCo and Designated Teacher for Looked After Children\nMr Tom Ruiz\nLearning Mentor", []string{"Dr Ana Vela"}},
		// The role given by a relative clause or after an apposition.
		{"Our provision is overseen by the deputy head, Mrs Hester Quaye, who also leads the SENDCo role.", []string{"Mrs Hester Quaye"}},
		{"Mr Ossian Grieve, who holds the post of SENCo, teaches Year 2.", []string{"Mr Ossian Grieve"}},
		{"Mrs Amina Yusuf, our Head of School, will act as SENCO until Easter.", []string{"Mrs Amina Yusuf"}},
		{"While Mrs Bell is on leave, Mr Ryan\nTeague, currently Head of Year 9, will be acting SENDCo.", []string{"Mr Ryan Teague"}},
		{"Mrs Amina Yusuf, our Head of School, will be working with the SENCO.", nil},
		{"Who leads SEN here?\nMr Tobiah\nFairweather, our Year 3 teacher, became SENDCo last year.", []string{"Mr Tobiah Fairweather"}},
		{"SENCO\nMrs Ines\nHeadteacher\nMr Ola Bright", []string{"Mrs Ines"}},
		{"Mr Ossian Grieve, our Headteacher, covers for the SENCo on Fridays.", nil},
		// A head who also holds the role, in the verbs schools use for holding a post.
		{"Our head teacher, Mr Calum Westaway, also carries out the role of SENDCo.", []string{"Mr Calum Westaway"}},
		{"Ms Rhian Vowles fulfils the additional responsibility of SENCO alongside her Year 6 class.", []string{"Ms Rhian Vowles"}},
		{"Our Principal, Dr Ife Adeyemi, also holds the statutory role of SENCo and is supported by the Deputy Head, Mr Bo Lind.", []string{"Dr Ife Adeyemi"}},
		{"At a special school all staff teach pupils with SEN. Our Principal, Dr Ife\nAdeyemi, also holds the statutory role of SENCo.", []string{"Dr Ife Adeyemi"}},
		// A holder who writes in the first person and signs below.
		{"Who can I speak to?\nPop in and see me any morning: I'm also the school's SENDCo, as well as teaching Year 2.\n— Miss Tegan Follows", []string{"Miss Tegan Follows"}},
		{"A message from our SENCO\nI have been SENCO here since 2019 and I love it.\nKind regards,\nMr Dafydd Rees-Owen", []string{"Mr Dafydd Rees-Owen"}},
		{"I have been SENCO here since 2019.\nMrs Pim Oduya teaches Reception and leads PE.", nil},
		{"I am the school's SENDCo as well as its Headteacher, so you can ask for me directly.\n- Mrs Pim Oduya, Headteacher", []string{"Mrs Pim Oduya"}},
		{"Mrs Ida Venn is Executive Headteacher of both schools and is also the federation's Special Educational Needs Co-ordinator.", []string{"Mrs Ida Venn"}},
		{"Mrs Lyn Ode has held the post since January, following the departure of Mr Ray Bute (SENCO 2016-2024).\nMrs Lyn Ode is our SENCO.", []string{"Mrs Lyn Ode"}},
		{"The Trust's Director of SEND, Ms Ola Grant, supervises SENCOs across the\npartnership's six schools.", nil},
		{"Since the retirement of Mrs Ena Pugh at Easter, the SENDCo role has been held\nby our Head of School, Mr Tobi Ade. Mr Ade teaches Year 4.", []string{"Mr Tobi Ade"}},
		// The holder our SENCO meets, named in the post, is another school's.
		{"Mr Kit Abara is our SENDCo.\n\nIn June Mr Abara meets Ms Joy Pell, the SENDCo at Fernlea Academy, to hand over.", []string{"Mr Kit Abara"}},
		{"Our SENCo, Mrs Una Hoy, liaises each year with Mr Sam Tull, SENCo at Ridge Lane School.\nMrs Una Hoy is our SENCo.", []string{"Mrs Una Hoy"}},
		{"Our SENCos are Mrs Una Hoy and Mr Sam Tull, who work together on Fridays.", []string{"Mrs Una Hoy", "Mr Sam Tull"}},
		// Another school's post: the school pupils move on to.
		{"Each June our SENDCo talks with the secondary school's SENDCo, Ms Pia Rowe, about every leaver.", nil},
		{"Ashby Middle School's SENCO is Mrs Nia Ball.", []string{"Mrs Nia Ball"}},
		{"Mr Bo Lind, our Deputy Head, works with the SENCo on timetables.", nil},
	}
	for _, c := range cases {
		var got []string
		for _, f := range Default().sencoNames(c.text) {
			got = append(got, f.Value)
			checkEvidence(t, c.text, f)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q:\n got %q\nwant %q", c.text, got, c.want)
		}
	}
}

func TestSENCOContacts(t *testing.T) {
	cases := []struct {
		name, text, email, phone string
	}{
		{"in the SENCO's sentence", "Our SENCO is Mrs Jane Pemberton. You can reach her on 01632 960444 or at j.pemberton@brambleford.example.",
			"j.pemberton@brambleford.example", "01632 960444"},
		{"a role mailbox anywhere", "Questions about support? Write to sendco@brambleford.example.", "sendco@brambleford.example", ""},
		{"office number well apart", "Dinner money and uniform orders go to the office: 01632 960999, office@brambleford.example.\n\n" +
			strings.Repeat("We plan every lesson so that all pupils can take part. ", 6) + "\n\nOur SENCO is Mrs Jane Pemberton.", "", ""},
		{"the school's number given for the SENCO", "Our SENCO is Mrs Jane Pemberton.\n\nTo speak to her, ring the school on 01632 960998.", "", "01632 960998"},
		{"no SENCO at all", "Call the office on 01632 960999.", "", ""},
		{"a SEND team's mailbox with no SENCO", "Ask the SEND team: send@council.example or 01632 960111.", "", ""},
		{"another service after the SENCO", "Talk to the SENCO first. The parents' helpline, Talkline, is on 01632 960112.", "", ""},
		{"the office for general enquiries", "Our SENCO is Mr Tom Vale.\nFor general enquiries please ring the school office on 01632 960113.", "", ""},
		{"the office for the SENCO", "Our SENCO is Mr Tom Vale. Mr Vale can be contacted through the school office on 01632 960114.", "", "01632 960114"},
		{"an Office line on a contact page", "Office: 01632 960100\nSENCO: Mr Tom Vale (senco@vale.example)", "senco@vale.example", ""},
		// Rows of labels under a row giving them for the SENCO are hers; the
		// same office rows under the school's details are not; a footer's
		// address with nothing tying it to her is the school's.
		{"office rows given for the SENCO", "Key contacts\nSEN contact:    our SENDCo, through the office\nPhone:    01632 960120\nE-mail:    admin@vale.example\n\nOur SENDCo works on Tuesdays.",
			"admin@vale.example", "01632 960120"},
		{"office rows under the school's details", "School:    Vale Primary\nHeadteacher:    Mrs Ada Lowe\nE-mail:    admin@vale.example\n\nOur SENDCo works on Tuesdays.", "", ""},
		{"a number in the rows of her own mailbox", "Our SENDCo is Mr Piers Vane.\n\n" + strings.Repeat("Every class has a teaching assistant in the mornings. ", 14) +
			"\n\nGet in touch with the SEND team\nE-mail: p.vane@vale.example\nT: 01632 960122 ext. 7\nWe answer within two days.", "p.vane@vale.example", "01632 960122 ext. 7"},
		{"a number in a list of several people's mailboxes", "Our SENDCo is Mr Piers Vane.\n\n" + strings.Repeat("Every class has a teaching assistant in the mornings. ", 14) +
			"\n\nStaff\np.vane@vale.example\na.lowe@vale.example\nk.ode@vale.example\nT: 01632 960123", "p.vane@vale.example", ""},
		{"no SENCO spoken of: the school's inclusion team for SEND questions", "Questions about SEND go to our Inclusion Team at inclusion@vale.example or on 01632 960130.", "inclusion@vale.example", "01632 960130"},
		{"a footer's address", "SENDCo: R. T. Amis\nDirect line: 01632 960121\n\nVale Primary, Mill Road, Vale VA1 2BC\nSwitchboard 01632 960100   Email: valeprimary@county.example",
			"", "01632 960121"},
		{"another person's address", "Our SENCO is Mr Tom Vale. Until he starts, write to the deputy head, Mrs Ann Oke, at office@vale.example.", "", ""},
		{"the school's footer", "Our SENCO is Mrs Jane Pemberton.\n\nBrambleford Primary, Mill Lane, BR1 4XX\nTelephone: 01632 960990 Email: office@brambleford.example", "", ""},
		{"the office mailbox given for the SENCO", "To reach our SENCO, Mr Tom Vale, email office@vale.example marked FAO SENCO.", "office@vale.example", ""},
		{"an extension", "Our SENCO is Mr Tom Vale. His direct line is 01632 960415 (ext. 22).", "", "01632 960415 (ext. 22)"},
		// names6: an address written against harvesters is given as typed.
		{"an address with [at]", "SENCO: Miss Una Shaw\nEmail: una.shaw [at] fernlea.example.org", "una.shaw@fernlea.example.org", ""},
		{"an address with (at) and (dot)", "Our SENCO is Miss Una Shaw: write to u.shaw(at)fernlea(dot)sch(dot)uk", "u.shaw@fernlea.sch.uk", ""},
		{"an address spelled out", "Our SENCO is Miss Una Shaw. Email u dot shaw at fernlea dot sch dot uk.", "u.shaw@fernlea.sch.uk", ""},
		{"prose with 'at' is no address", "Our SENCO is Miss Una Shaw. Details are at www.fernlea.example.org.", "", ""},
		// A table of several schools' SENCOs: each row's contact is its school's.
		{"rows of several schools", "School | SENCO | Phone\nAsh | Mrs Lee Ong | 01632 960301\nOak | Mr Al Roe | 01632 960302\n\nThe group's SEND team: send@group.example.org",
			"send@group.example.org", ""},
		{"the SENCO's own line before the office's", "Our SENCO, Mr Tom Vale, can be reached through the school office on 01632 960400 or directly on 01632 960401.", "", "01632 960401"},
		// Whose a mailbox is: the SENCO's row before a SEND team's; a bursar's
		// never; a SEND team's when nothing names the SENCO's own.
		{"the SENCO's row in a staff table", "Name | Role | Email\nMrs Rhian O'Dowd | SENDCo | r.odowd@fernlea.example\nMr Abe Cole | Assistant SENDCo | a.cole@fernlea.example\n\nConcerns? Email the SEND team at send@fernlea.example.",
			"r.odowd@fernlea.example", ""},
		{"a bursar's address for any member of staff", "Our SENCO is Miss Una Shaw.\n\nTo speak to any member of staff, email bursar@fernlea.example.", "", ""},
		{"a SEND team's mailbox under the SENCO", "SENCO: Miss Una Shaw\nEmail: inclusion@fernlea.example", "inclusion@fernlea.example", ""},
		// Numbers in every UK shape, and the office's when the text ties it to the SENCO.
		{"a bracketed code", "Our SENCO is Miss Una Shaw. Tel: (01632) 960 771", "", "(01632) 960 771"},
		{"an international number", "Our SENCO, Miss Una Shaw, is on +44 (0)1632 960772 ext 14.", "", "+44 (0)1632 960772 ext 14"},
		{"hyphens", "SENCO: Miss Una Shaw, tel: 0114-496-0773", "", "0114-496-0773"},
		{"the office, then the SENCO through it", "Our SENCO is Miss Una Shaw.\n\n" + strings.Repeat("Every class has adapted resources and a visual timetable. ", 12) +
			"\n\nFor anything else, telephone the school office on 01632 960774. Messages for Miss Shaw can be left with the office.", "", "01632 960774"},
		{"a SEND contact block with the office line", "Our SENCO is Miss Una Shaw.\n\nSEND enquiries\nEmail: send@fernlea.example\nSchool office: 01632 960775", "send@fernlea.example", "01632 960775"},
		{"a footer with the SENCO's mailbox below", "Our SENCO is Miss Una Shaw.\n\n" + strings.Repeat("Pupils with SEND take part in every club and trip we run. ", 12) +
			"\n\nFernlea Primary, Mill Road, FE1 2AB\nHeadteacher: Mr Ross Kay\nTel: 01632 960776 | Email: office@fernlea.example\nSENCO: senco@fernlea.example", "senco@fernlea.example", ""},
		{"a staff table's office row", "Role | Name | Contact\nSENCO | Miss Una Shaw | u.shaw@fernlea.example\nSEN Governor | Mr Ade Bello | via the clerk\nMain office | - | 01632 960777", "u.shaw@fernlea.example", ""},
		// The office's number or mailbox given in the SENCO's own sentence beats
		// a footer's switchboard or an earlier contact line of another service.
		{"the office in the SENCO's sentence, a footer below", "If you are worried, please ring the school office on 01632 960501 and ask to speak to the SENCO.\n\n" +
			"Oakfield Primary, Mill Lane, OK1 2AB\nTel: 01632 960500", "", "01632 960501"},
		{"reception, with a message for the SENCO", "Parents can reach the SENDCo by calling reception on 01632 960502 and leaving a message.\n\nOakfield Primary | 01632 960503 | www.oakfield.example", "", "01632 960502"},
		{"the number above", "Tel: 01632 960510 (main reception)\n\nOur SENCO, Mr Tom Vale, can be contacted through the reception number above.\n\n" +
			"Contact the county SEND team: send@county.example | 01632 960519", "", "01632 960510"},
		{"the number above, past a helpline's", "Tel: 01632 960550 (reception)\nSENDIASS helpline: 01632 960559\n\nOur SENCO, Mrs Ada Lunn, can be reached on the office number above.", "", "01632 960550"},
		{"the office's mailbox for the SENCO", "Our SENCO is Mr Tom Vale. To arrange a meeting with him, email admin@vale.example or ring the main office on 01632 960521.", "admin@vale.example", "01632 960521"},
		{"a trust's SENDCo and the schools' table", "Trust SENDCo: Mrs Lena Voss\nEmail: l.voss@trust.example\nTelephone: 01632 960530 (Trust office)\n\nSchool | SENCO | Contact\nAsh Primary | Mr B. Cole | senco@ash.example\nElm Primary | Ms D. Ray | 01632 960531 ext. 4",
			"l.voss@trust.example", "01632 960530"},
		// The SENCO is the head: the office's number and mailbox given for
		// reaching the head are for reaching the SENCO; not a deputy's head.
		{"the head is the SENCO", "Our Head of School, Mr Ade Okoro, is also the school's SENCO.\n\nTo talk about your child, ring the office on 01632 960540 and ask for the Head of School, or write to admin@okoro.example.",
			"admin@okoro.example", "01632 960540"},
		{"the deputy head is the SENCO, not the head", "Mrs Ivy Lamb, Deputy Headteacher and SENCO, leads our SEND work.\n\nComplaints: ring the office on 01632 960541 and ask for the Headteacher.", "", ""},
		// A trust's page: the SENCO over the schools gives the contacts, not a
		// school's senco@ listed first; a council's mailbox is never a school SENCO's.
		{"a federation's SENDCo after the schools' paragraphs", "At Ash Vale, the SENCO is Mrs Lotte Brandt (senco@ashvale.example).\n\nAt Birch Hill, the SENCO is Mr Tom Gale: senco@birchhill.example.\n\nAt Cedar, the SENCO is Miss Ada Pell.\n\nThe federation's SENDCo, Dr Wren Castell, oversees all three: w.castell@fed.example, 01632 960 611.",
			"w.castell@fed.example", "01632 960 611"},
		{"a council's mailbox on a page about one school", "The school's SENCO is Mrs Ada Lunn. Families can reach her through the school reception on 01632 960 612.\n\nQuestions about EHC plans: SEND Hub, sendhub@borough.gov.uk", "", "01632 960 612"},
		// names5: the SENCO spoken of by title and given name; a question's answer.
		{"title and given name", "Our SENCO is Sr Perpetua Nwankwo.\n\nTo speak to Sr Perpetua, ring 01632 960 640 or write to sr.perpetua@stmary.example.", "sr.perpetua@stmary.example", "01632 960 640"},
		{"a question about reaching the SENCO, answered with the office", "Our SENCO is Mr Idris Khan.\n\nHow do I get hold of the SENCO?\nBook a time with the office: 01632 960 641 or admin@fernlea.example.", "admin@fernlea.example", "01632 960 641"},
		{"a question about something else, answered with the office", "Our SENCO is Mr Idris Khan.\n\nHow do I pay for school meals?\nAsk the office: 01632 960 642 or admin@fernlea.example.", "", ""},
		{"a lone number closing the page", "Our SENCO is Mr Idris Khan. Please email him at i.khan@fernlea.example to book a meeting.\n\nTel: 01632 960 643", "i.khan@fernlea.example", ""},
		{"the sentence after the SENCO's asks you to ring", "Our SENCOs read send@fernlea.example every day. If it is urgent, please ring the school office on 01632 960 644.", "send@fernlea.example", "01632 960 644"},
		{"the sentence after the SENCO's is for other business", "Our SENCO is Mr Idris Khan. For general enquiries, please ring the school office on 01632 960 645.", "", ""},
		{"a number for when the SENCO is away", "Our SENCO is Mr Idris Khan, on i.khan@fernlea.example. In his absence, please ring 01632 960 646 and the deputy head will help.", "i.khan@fernlea.example", ""},
		{"a list of numbers under one office label", "Our SENCOs read send@fernlea.example daily. If it cannot wait, please call the site office: Upper 01632 960 647, Lower 01632 960 648.", "send@fernlea.example", "01632 960 647"},
		{"a sentence and a number a PDF wrapped", "Our SENCO is Mrs Ada Lunn, who can be contacted through\nthe school office on 01632\n960 587 or by email.", "", "01632 960 587"},
		// phone: whose line a number is. The school's SEN line with its extension;
		// the office as the route to her; a footer's, another school's SENCO's
		// and the council's numbers are not hers.
		{"the school's SEN team row with an extension", "Mr Oleg Marsh | SENDCo | Tuesday to Friday\nSEN team | 01632 960 650 x 12", "", "01632 960 650 x 12"},
		{"the learning support line in its own sentence", "Mrs Ada Lunn is our SENCO.\n\nOur learning support department answers on 01632 960 651 extension 3.", "", "01632 960 651 extension 3"},
		{"a message left with the office", "Mrs Ada Lunn is our SENCO and teaches most mornings.\n\nYou can also leave a message with the office (Mr Dale) on 01632 960 652.", "", "01632 960 652"},
		{"an address line's only number", "Mrs Ada Lunn is our SENCO: a.lunn@fernlea.example.\n\nFernlea School, Mill Road, Fernton FN1 2AB\nT 01632 960 653", "a.lunn@fernlea.example", ""},
		{"another school's SENCO's number", "Mrs Ada Lunn is our SENCO. Each July she meets the SENCO at Highmoor High School (01632 960 654).", "", ""},
		{"the council's EHC plan team", "Mrs Ada Lunn is our SENCO. For a request for an assessment, the EHCP team is on 01632 960 655.", "", ""},
		{"the office in her block, for other business", "Mrs Ada Lunn, SENCO\na.lunn@fernlea.example\nOffice (for dinner money and uniform): 01632 960 656 | office@fernlea.example", "a.lunn@fernlea.example", ""},
	}
	for _, c := range cases {
		email, phone := "", ""
		for _, f := range Default().sencoContacts(c.text, Default().sencoNames(c.text)) {
			checkEvidence(t, c.text, f)
			switch f.Field {
			case "senco.email":
				email = f.Value
			case "senco.phone":
				phone = f.Value
			}
		}
		if email != c.email || phone != c.phone {
			t.Errorf("%s: got email %q phone %q, want %q %q", c.name, email, phone, c.email, c.phone)
		}
	}
}

func TestNeeds(t *testing.T) {
	text := "We provide for Cognition and Learning; Communication & Interaction; Social, mental and emotional health; Physical and Sensory needs.\n" +
		"Pupils include those with autistic spectrum condition, dyslexia, BESD, a hearing impairment and ADHD."
	got := map[string]bool{}
	for _, f := range Facts(text) {
		checkEvidence(t, text, f)
		got[f.Field+"="+f.Value] = true
	}
	for _, want := range []string{"need.area=cognition_learning", "need.area=communication_interaction", "need.area=semh", "need.area=sensory_physical",
		"need.type=ASD", "need.type=SpLD", "need.type=SEMH", "need.type=HI", "need.type=ADHD"} {
		if !got[want] {
			t.Errorf("missing %s (got %v)", want, got)
		}
	}
	for _, not := range []string{"need.type=VI", "need.type=PMLD", "need.type=SLCN"} {
		if got[not] {
			t.Errorf("unexpected %s", not)
		}
	}
}

// checkEvidence holds every fact to its promise: the evidence is exactly the text
// at its character offsets, and contains the value it supports.
func checkEvidence(t *testing.T, text string, f Fact) {
	t.Helper()
	r := []rune(text)
	if f.Start < 0 || f.End > len(r) || f.Start >= f.End {
		t.Fatalf("%s: offsets %d..%d outside text of %d characters", f.Field, f.Start, f.End, len(r))
	}
	if got := string(r[f.Start:f.End]); got != f.Evidence {
		t.Errorf("%s: text at %d..%d is %q, evidence says %q", f.Field, f.Start, f.End, got, f.Evidence)
	}
	if !utf8.ValidString(f.Evidence) || f.Evidence == "" {
		t.Errorf("%s: bad evidence %q", f.Field, f.Evidence)
	}
	// A name or number a PDF wrapped is one value with a line break in its evidence.
	if (f.Field == "senco.name" || f.Field == "senco.phone") && !strings.Contains(strings.Join(strings.Fields(f.Evidence), " "), f.Value) {
		t.Errorf("%s: evidence %q lacks value %q", f.Field, f.Evidence, f.Value)
	}
}

// TestSentenceBoundsCapped: a page with no line breaks or full stops is not one
// sentence as long as the page.
func TestSentenceBoundsCapped(t *testing.T) {
	text := strings.Repeat("SENCO autism ", 20000)
	lo, hi := sentenceAround(text, 130000, 130005)
	if lo < 130000-2000 || hi > 130005+2000 || lo > 130000 || hi < 130005 {
		t.Errorf("bounds %d-%d around 130000", lo, hi)
	}
}

// TestEvidenceOfATableRow: a fact read from a table's row quotes that row, not
// the rows around it (a row of cells is ended, not a line a PDF wrapped), while
// a long line of prose a PDF wrapped is still one sentence.
func TestEvidenceOfATableRow(t *testing.T) {
	text := "School | SENDCo | Email\nMoss Side Primary School | Mrs Wynne Kettle | w.kettle@moss.example\nGreave Lane Infant School | Mr Ade Ogun | a.ogun@greave.example"
	for _, f := range Default().sencoNames(text) {
		checkEvidence(t, text, f)
		if strings.Contains(f.Evidence, "\n") || !strings.Contains(f.Evidence, f.Value) {
			t.Errorf("%s: evidence %q is not its row", f.Value, f.Evidence)
		}
	}
	prose := "Our SENCO is Mrs Wynne Kettle, who has worked at the school for many\nyears and leads our work with families."
	if ev, _, _ := span(prose, 13, 29); !strings.Contains(ev, "families") {
		t.Errorf("wrapped prose cut: %q", ev)
	}
}

// TestPersonNames reads testdata/person_names.tsv: each "+" text reads as the one
// name given, whole; each "-" text as no one.
func TestPersonNames(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "person_names.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		var got []string
		for _, p := range persons(f[1]) {
			got = append(got, f[1][p.loc[0]:p.loc[1]])
		}
		switch {
		case f[0] == "+" && len(f) == 3:
			if len(got) != 1 || got[0] != f[2] {
				t.Errorf("person_names.tsv:%d: %q reads as %q, want %q", i+1, f[1], got, f[2])
			}
		case f[0] == "-" && len(f) == 2:
			if len(got) != 0 {
				t.Errorf("person_names.tsv:%d: %q reads as %q, want no one", i+1, f[1], got)
			}
		default:
			t.Errorf("person_names.tsv:%d: not '+<TAB>text<TAB>name' or '-<TAB>text': %q", i+1, line)
		}
	}
}

func TestParticleForm(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"Mrs Joanna Le Breton", "Mrs Le Breton"},
		{"Mrs Lowri ap Dafydd", "Mrs ap Dafydd"},
		{"Dr Pieter van der Merwe", "Dr van der Merwe"},
		{"Ms Siobhán Ní Bhriain", "Ms Ní Bhriain"},
		{"Mrs Di Vance", ""},     // a given name, not a particle
		{"Mrs Helen Watson", ""}, // no particle
		{"Joanna Le Breton", ""}, // no title: the text names her in full
	} {
		if got := particleForm(c.name); got != c.want {
			t.Errorf("particleForm(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}
