//! Pins the top search results on the real (built-in) catalogue: which
//! courses, in which order, by which title, with which score and matched
//! positions. Written against the behaviour before the search was made fast
//! at 100k titles, so any speed-up must keep the same answers.
//!
//! Each line is `score|course key|matched title|positions`.

use karmadash::catalogue::Catalogue;
use karmadash::search::SearchIndex;

fn lines(query: &str, limit: usize, tier: Option<&str>) -> Vec<String> {
    let c = Catalogue::builtin().expect("the built-in catalogue loads");
    let index = SearchIndex::new(&c);
    let keep = |course: usize| tier.is_none_or(|t| c.course_listings(course).any(|l| l.tier == t));
    index
        .search(query, limit, &keep)
        .iter()
        .map(|h| {
            let pos: Vec<String> = h.positions.iter().map(|p| p.to_string()).collect();
            format!(
                "{}|{}|{}|{}",
                h.score,
                c.courses[h.course].key(),
                h.text,
                pos.join(",")
            )
        })
        .collect()
}

#[test]
fn yuva() {
    assert_eq!(
        lines("yuva", 8, None),
        [
            "91|yuva ai for all|Yuva AI for All|0,1,2,3",
            "35|umang your gateway to digital governance in india|UMANG: Your Gateway to Digital Governance in India|7,9,33,37",
        ] as [&str; 2]
    );
}

#[test]
fn data_driven() {
    assert_eq!(
        lines("data driven", 8, None),
        [
            "214|data driven decision making|Data Driven Decision Making|0,1,2,3,5,6,7,8,9,10",
            "214|data driven decision making for government|Data Driven Decision Making For Government|0,1,2,3,5,6,7,8,9,10",
            "213|data driven governance|Data-Driven Governance|0,1,2,3,5,6,7,8,9,10",
            "158|delegation of authority in government administration|Delegation of Authority in Government Administration|0,5,6,14,19,24,29,30,32",
            "138|digital transformation playbook for government professionals|Digital Transformation Playbook for Government Professionals|0,5,8,10,15,19,38,39,41",
            "130|fundamentals of citizen centric governance|Fundamentals of Citizen-Centric Governance|3,4,8,9,28,29,34,35,37",
            "130|administrative law a foundation for government employees|ADMINISTRATIVE LAW A Foundation for Government Employees|1,8,9,10,11,12,13,19,24",
            "129|understanding the central administrative tribunal cat and member appointments|Understanding the Central Administrative Tribunal CAT and Member Appointments|2,7,14,26,27,34,37,38,39,46",
        ] as [&str; 8]
    );
}

#[test]
fn devanagari_seva() {
    assert_eq!(
        lines("सेवा", 8, None),
        [
            "91|सेवा उत्कृष्टता service excellence wrt citizens|सेवा उत्कृष्टता / Service Excellence wrt citizens|0,1,2,3",
        ] as [&str; 1]
    );
}

#[test]
fn leadership_skills() {
    assert_eq!(
        lines("leadership skills", 8, None),
        [
            "334|leadership skills for professionals|Leadership Skills for Professionals|0,1,2,3,4,5,6,7,8,9,11,12,13,14,15,16",
            "334|leadership and communication skills for public administrators|Leadership and Communication Skills for Public Administrators|0,1,2,3,4,5,6,7,8,9,29,30,31,32,33,34",
        ] as [&str; 2]
    );
}

#[test]
fn ethics() {
    assert_eq!(
        lines("ethics", 8, None),
        [
            "123|when its hard applied ethics in the public sector|When it's hard: Applied ethics in the public sector|24,25,26,27,28,29",
            "117|ethical decision making|Ethical Decision Making|0,1,2,3,4,12",
            "117|ethical decision making integrity|Ethical Decision-Making Integrity|0,1,2,3,4,12",
            "115|ethical leadership|Ethical Leadership|0,1,2,3,4,14",
            "115|ethical leadership governance|Ethical Leadership Governance|0,1,2,3,4,14",
            "99|mastering the basics of microsoft excel for beginners|Mastering the Basics of Microsoft Excel for Beginners|4,10,11,17,18,19",
            "91|effective writing skills for the public service|Effective Writing Skills for the Public Service|0,29,30,37,38,40",
            "77|essential roles and competencies for central secretariat branch officers|Essential Roles and Competencies for Central Secretariat Branch Officers|49,50,62,67,68,71",
        ] as [&str; 8]
    );
}

#[test]
fn x() {
    assert_eq!(
        lines("x", 8, None),
        [
            "15|excel skills for business essentials|Excel Skills for Business Essentials|1",
            "15|service excellence process excellence|Service Excellence Process Excellence|28",
            "15|service excellence and process excellence|Service Excellence and Process Excellence|32",
            "15|design thinking for excellence in public services|Design Thinking For Excellence In Public Services|21",
            "15|mastering the basics of microsoft excel for beginners|Mastering the Basics of Microsoft Excel for Beginners|35",
            "15|prevention of sexual harassment of women at workplace|Prevention of Sexual Harassment of Women at Workplace|16",
            "15|microsoft excel advanced data analysis and automation techniques|Microsoft Excel Advanced Data Analysis and Automation Techniques|11",
            "15|introduction to public financial management in the indian context|Introduction to Public Financial Management in the Indian Context|63",
        ] as [&str; 8]
    );
}

#[test]
fn e() {
    assert_eq!(
        lines("e", 8, None),
        [
            "31|ethical leadership|Ethical Leadership|0",
            "31|effective communication|Effective Communication|0",
            "31|ethical decision making|Ethical Decision Making|0",
            "31|evidence in public policy|Evidence in Public Policy|0",
            "31|evidence based policy making|Evidence-based Policy Making|0",
            "31|emerging technology synthesis|Emerging Technology Synthesis|0",
            "31|ethical leadership governance|Ethical Leadership Governance|0",
            "31|effective communication skills|Effective Communication Skills|0",
        ] as [&str; 8]
    );
}

#[test]
fn govrnance() {
    assert_eq!(
        lines("govrnance", 8, None),
        [
            "175|urban governance|Urban Governance|6,7,8,10,11,12,13,14,15",
            "175|data driven governance|Data-Driven Governance|12,13,14,16,17,18,19,20,21",
            "175|future of digital governance|Future of Digital Governance|18,19,20,22,23,24,25,26,27",
            "175|ethical leadership governance|Ethical Leadership Governance|19,20,21,23,24,25,26,27,28",
            "175|ai policies and governance in india|AI Policies and Governance in India|16,17,18,20,21,22,23,24,25",
            "175|right to information and good governance|Right To Information And Good Governance|30,31,32,34,35,36,37,38,39",
            "175|fundamentals of citizen centric governance|Fundamentals of Citizen-Centric Governance|32,33,34,36,37,38,39,40,41",
            "175|case studies in data evidence for governance|Case Studies in Data Evidence for Governance|34,35,36,38,39,40,41,42,43",
        ] as [&str; 8]
    );
}

#[test]
fn upper_case_data() {
    assert_eq!(
        lines("DATA", 8, None),
        [
            "91|data driven governance|Data-Driven Governance|0,1,2,3",
            "91|data driven decision making|Data Driven Decision Making|0,1,2,3",
            "91|data analytics visualization|Data Analytics Visualization|0,1,2,3",
            "91|data led decision making data analytics|Data-led Decision Making Data Analytics|0,1,2,3",
            "91|data analytics in the public sector with|Data Analytics in the Public Sector with|0,1,2,3",
            "91|data analytics management visualization|Data Analytics, Management Visualization|0,1,2,3",
            "91|data led decision making digital fluency|Data-led Decision Making Digital Fluency|0,1,2,3",
            "91|data driven decision making for government|Data Driven Decision Making For Government|0,1,2,3",
        ] as [&str; 8]
    );
}

#[test]
fn cyber_sec() {
    assert_eq!(
        lines("cyber sec", 8, None),
        [
            "166|cybersecurity|Cybersecurity|0,1,2,3,4,5,6,7",
            "102|disaster recovery and build back better|Disaster Recovery and Build Back Better|4,10,11,16,33,37,38",
        ] as [&str; 2]
    );
}

#[test]
fn gov_data() {
    assert_eq!(
        lines("gov data", 8, None),
        [
            "154|data driven governance|Data-Driven Governance|0,1,2,3,12,13,14",
            "154|data driven decision making for government|Data Driven Decision Making For Government|0,1,2,3,32,33,34",
            "146|lessons from the use of data for government|Lessons from the Use of Data for Government|24,25,26,27,33,34,35",
            "146|case studies in data evidence for governance|Case Studies in Data Evidence for Governance|16,17,18,19,34,35,36",
            "146|case studies in the use of data and evidence for governance|Case Studies in the Use of Data and Evidence for Governance|27,28,29,30,49,50,51",
            "137|delegation of authority in government administration|Delegation of Authority in Government Administration|0,5,6,14,27,28,29",
            "134|digital transformation playbook for government professionals|Digital Transformation Playbook for Government Professionals|0,5,8,10,36,37,38",
            "128|fundamentals of citizen centric governance|Fundamentals of Citizen-Centric Governance|3,4,8,9,32,33,34",
        ] as [&str; 8]
    );
}

#[test]
fn data_in_tier() {
    assert_eq!(
        lines("data", 8, Some("ias-0-9")),
        [
            "91|data driven decision making for government|Data Driven Decision Making For Government|0,1,2,3",
            "55|basics of disaster management|Basics of Disaster Management|10,13,15,20",
        ] as [&str; 2]
    );
}

#[test]
fn zzzqqq() {
    assert_eq!(lines("zzzqqq", 8, None), [] as [&str; 0]);
}
