-- 004_statutory_items: what an SEN information report must contain.
--
-- SEND Regulations 2014 Schedule 1 and the Children and Families Act 2014 s.69,
-- as short ids with a plain description. statutory.item facts name these ids;
-- an analysis lists an item as missing when a report has no fact for it.
CREATE TABLE statutory_items (
    id          VARCHAR PRIMARY KEY,
    short_name  VARCHAR NOT NULL,
    requirement VARCHAR NOT NULL,
    source      VARCHAR NOT NULL
);

INSERT INTO statutory_items VALUES
    ('S1.01', 'kinds_of_need', 'Which kinds of SEN the school makes provision for', 'SEND Regulations 2014 Sch.1 para 1; CoP 6.79'),
    ('S1.02', 'identification', 'How the school identifies pupils with SEN and assesses their needs', 'Sch.1 para 2'),
    ('S1.03a', 'evaluating_effectiveness', 'How the school evaluates whether its SEN provision works', 'Sch.1 para 3(a)'),
    ('S1.03b', 'assess_review_progress', 'How pupils'' progress is assessed and reviewed', 'Sch.1 para 3(b)'),
    ('S1.03c', 'teaching_approach', 'The school''s approach to teaching pupils with SEN', 'Sch.1 para 3(c)'),
    ('S1.03d', 'curriculum_adaptation', 'How the curriculum and learning environment are adapted', 'Sch.1 para 3(d)'),
    ('S1.03e', 'additional_support', 'Extra learning support available', 'Sch.1 para 3(e)'),
    ('S1.03f', 'inclusion_in_activities', 'How pupils with SEN take part in activities with other pupils', 'Sch.1 para 3(f)'),
    ('S1.03g', 'emotional_social_support', 'Support for emotional and social development (incl. pastoral care, anti-bullying)', 'Sch.1 para 3(g); CoP 6.79'),
    ('S1.04', 'senco_contact', 'The SENCO''s name and contact details (mainstream schools)', 'Sch.1 para 4'),
    ('S1.05', 'staff_expertise', 'Staff expertise and training, and how specialist expertise is secured', 'Sch.1 para 5'),
    ('S1.06', 'equipment_facilities', 'How equipment and facilities for pupils with SEN are secured', 'Sch.1 para 6'),
    ('S1.07', 'consulting_parents', 'How parents are consulted and involved in their child''s education', 'Sch.1 para 7'),
    ('S1.08', 'consulting_pupils', 'How pupils/young people are consulted and involved', 'Sch.1 para 8'),
    ('S1.09', 'complaints', 'How complaints from parents about SEN provision are handled', 'Sch.1 para 9'),
    ('S1.10', 'other_bodies', 'How health, social care, LA support services and voluntary bodies are involved', 'Sch.1 para 10'),
    ('S1.11', 'parent_support_services', 'Contact details of support services for parents (e.g. SENDIASS)', 'Sch.1 para 11'),
    ('S1.12', 'transitions', 'Support when moving between phases and preparing for adulthood', 'Sch.1 para 12'),
    ('S1.13', 'local_offer_link', 'Where the LA''s Local Offer is published', 'Sch.1 para 13; CoP 4.36'),
    ('D.01', 'disabled_admissions', 'Admission arrangements for disabled pupils', 'Children and Families Act 2014 s.69(3)(b)'),
    ('D.02', 'less_favourable_treatment', 'Steps to prevent disabled pupils being treated less favourably', 'CFA 2014 s.69(3)(b)'),
    ('D.03', 'access_facilities', 'Facilities that help disabled pupils access the school', 'CFA 2014 s.69(3)(b)'),
    ('D.04', 'accessibility_plan', 'The accessibility plan (Equality Act 2010 Sch.10 para 3)', 'CFA 2014 s.69(3)(b)');
