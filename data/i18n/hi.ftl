# karmadash का इंटरफ़ेस हिन्दी में। en.ftl जैसे ही id (tests/it/i18n.rs जाँचता है);
# किस शब्द के लिए कौन-सा हिन्दी शब्द है: GLOSSARY.md।
# GROUPED($n) संख्या को भारतीय ढंग से लिखता है (1,23,456); अंक लैटिन, जैसे पोर्टल पर।

## Shared

i18n-officers = { GROUPED($n) } अधिकारी
lang-name = हिन्दी

## डैशबोर्ड की कुंजियाँ: tui-help-... सहायता में, tui-hint-... नीचे की पंक्ति में

tui-help-record-the-selected-course-as = चुने गए पाठ्यक्रम को पूर्ण दर्ज करें
tui-hint-done = पूर्ण
tui-help-search-every-course = हर पाठ्यक्रम में खोजें
tui-hint-search = खोज
tui-help-next-view = अगला दृश्य
tui-hint-view = दृश्य
tui-help-previous-view = पिछला दृश्य
tui-help-move-up = ऊपर
tui-help-move-down = नीचे
tui-help-page-up = पिछला पृष्ठ
tui-help-page-down = अगला पृष्ठ
tui-help-first-row = पहली पंक्ति
tui-help-last-row = अंतिम पंक्ति
tui-help-edit-your-profile-service-tier = अपनी प्रोफ़ाइल बदलें (सेवा, स्तर, iGOT पंजीकरण की तिथि)
tui-help-record-a-course-outside-the = सूचियों से बाहर का पाठ्यक्रम दर्ज करें (अपनी पसंद, कोई भी iGOT पाठ्यक्रम)
tui-help-record-a-course-assigned-to = आपको सौंपा गया पाठ्यक्रम उसकी अंतिम तिथि के साथ दर्ज करें
tui-help-record-the-comprehensive-assessment-you = उत्तीर्ण किया गया व्यापक मूल्यांकन दर्ज करें
tui-help-this-help-f1-too-and = यह सहायता (F1 भी, खोज और फ़ॉर्म में भी)
tui-hint-help = सहायता
tui-help-close-a-popup-or-go = पॉपअप बंद करें या पीछे जाएँ; कभी बाहर नहीं निकलता
tui-help-quit = बाहर निकलें
tui-hint-quit = बाहर
tui-help-works-everywhere-even-in-search = हर जगह चलता है, खोज और फ़ॉर्म में भी
tui-hint-narrow-fill = छाँटें / भरें
tui-hint-choose = चुनें
tui-hint-next-field = अगला खाना
tui-hint-go-to-course-save = पाठ्यक्रम पर जाएँ / सहेजें
tui-hint-cancel = रद्द करें
tui-help-focus-the-tier-list = स्तरों की सूची पर जाएँ
tui-help-focus-the-course-list = पाठ्यक्रमों की सूची पर जाएँ
tui-help-course-details-every-tier-and = पाठ्यक्रम का विवरण: हर स्तर और आदेश जिसमें वह सूचीबद्ध है
tui-hint-details = विवरण
tui-help-competency-filter-all-behavioural-functional = दक्षता से छाँटें: सभी, व्यवहारात्मक, कार्यात्मक, क्षेत्रीय
tui-hint-b-f-d = B/F/D
tui-help-status-filter-all-mandatory-optional = प्रकार से छाँटें: सभी, अनिवार्य, वैकल्पिक
tui-hint-m-o = M/O
tui-help-add-to-or-drop-from = अपनी चयन-सूची में जोड़ें या हटाएँ
tui-hint-shortlist = चयन-सूची
tui-help-remove-the-selected-completion = चुनी गई पूर्णता हटाएँ
tui-hint-remove = हटाएँ
tui-help-add-to-or-drop-from-2 = अपनी चयन-सूची में जोड़ें या हटाएँ; कुल घंटे साथ बदलते हैं
tui-help-the-selected-step-s-requirement = चुने गए चरण की पूरी अपेक्षा, या पाठ्यक्रम का विवरण
tui-help-the-requirement-s-full-text = अपेक्षा का पूरा पाठ और उसे लागू करने वाला आदेश
tui-hint-full-text = पूरा पाठ
tui-help-the-selected-officer-s-progress = चुने गए अधिकारी की प्रगति, केवल देखने के लिए (Esc: पीछे)
tui-hint-progress = प्रगति
tui-help-tier-filter-all-then-each = स्तर से छाँटें: सभी, फिर रोस्टर का हर स्तर
tui-hint-tier = स्तर
tui-help-verdict-filter-all-needing-action = स्थिति से छाँटें: सभी, कार्रवाई आवश्यक, फिर हर स्थिति
tui-hint-verdict = स्थिति
tui-help-find-officers-by-name-or = नाम या ई-मेल से अधिकारी ढूँढें
tui-hint-find = ढूँढें
tui-help-exempt-the-selected-officer-with = चुने गए अधिकारी को कारण सहित छूट दें (लेखा-परीक्षा अभिलेख में रहता है)
tui-hint-exempt = छूट
tui-hint-keep = रखें
tui-hint-record-done = पूर्ण दर्ज करें
tui-hint-close = बंद करें
tui-hint-reason = कारण
tui-hint-clear = साफ़ करें
tui-hint-save = सहेजें
tui-hint-close-help = सहायता बंद करें
tui-hint-scroll = खिसकाएँ
tui-hint-go-to-course = पाठ्यक्रम पर जाएँ

## डैशबोर्ड का ढाँचा: टैब, शीर्षक, सहायता

tui-view-catalogue = पाठ्यक्रम
tui-view-progress = प्रगति
tui-view-plan = योजना
tui-view-log = अभिलेख
tui-view-roster = रोस्टर
tui-heading-long = karmadash वित्तीय वर्ष { $fy }
tui-heading-short = वि.व. { $fy }
tui-too-small = टर्मिनल { $width }x{ $height } बहुत छोटा है: karmadash को { $min_width }x{ $min_height } चाहिए। इसे बड़ा करें, या q दबाएँ।
tui-help-go-view = { $first } दृश्य / { $rest }
tui-help-title = { $view } दृश्य की कुंजियाँ
tui-help-in-popup = {"इस पॉपअप में: "}
tui-help-text-keys = {"खोज और फ़ॉर्म में: "}
tui-help-box-title = {" सहायता: बंद करने के लिए Esc "}
tui-help-switch-language = भाषा बदलें: English / हिन्दी (याद रखी जाती है)
tui-hint-language = English
tui-read-only = केवल देखने के लिए: यह रोस्टर से { $name } की प्रगति है। Esc से रोस्टर पर लौटें; 2 से अपनी प्रगति देखें।
tui-nothing-to-close = बंद करने को कुछ नहीं: बाहर निकलने के लिए q।

# tui views

## अभिलेख दृश्य
tui-log-title = {" "}{ $fy } में पूर्ण: { $n } पाठ्यक्रम, { $hours } घंटे{" "}
tui-log-other-mark = {" (अन्य)"}
tui-log-col-id = क्र.
tui-log-col-date = तिथि
tui-log-col-hours = घंटे
tui-log-col-certificate = प्रमाणपत्र
tui-log-col-course = पाठ्यक्रम
tui-log-empty = इस वर्ष कुछ दर्ज नहीं: पाठ्यक्रम दृश्य (1) में पाठ्यक्रम चुनें, d दबाएँ।

## रोस्टर दृश्य
tui-roster-all = सभी
tui-roster-title = {" "}रोस्टर { $fy }: { $all } में से { $shown } · स्तर { $tier } · स्थिति { $verdict } · विभाग { $dept }{" "}
tui-roster-unreadable = रोस्टर पढ़ा नहीं जा सका: { $why }
tui-roster-empty = अभी कोई अधिकारी नहीं। प्रशिक्षण प्रकोष्ठ पोर्टल की रिपोर्ट ऐसे पढ़ता है:
tui-roster-empty-then = फिर हर अधिकारी यहाँ दिखेगा, सबसे अत्यावश्यक पहले, बिना पुनः आरंभ के।
tui-roster-no-match = कोई अधिकारी मेल नहीं खाता: t, v, m से फ़िल्टर बदलें; / से खोजें; Esc खोज हटाता है।

## पाठ्यक्रम दृश्य
tui-catalogue-tiers = {" स्तर (* आपका) "}
tui-catalogue-portal = {" पोर्टल पाठ्यक्रम सूची "}
tui-catalogue-portal-snapshot = {" "}पोर्टल पाठ्यक्रम सूची (प्रति { $fetched }) · { $n } पाठ्यक्रम{" "}
tui-catalogue-portal-entry = सूची
tui-catalogue-courses = { $n } पाठ्यक्रम
tui-catalogue-editing-note = {"  [संपादन टिप्पणी]"}
tui-catalogue-cut-off = {"  [अधूरा]"}

## प्रगति दृश्य
tui-progress-box = {" प्रगति "}
tui-progress-no-profile = { $why }
    पाठ्यक्रम सूची इसके बिना भी चलती है: 1 दबाएँ।
tui-progress-no-tier = कोई नहीं
tui-progress-title = {" "}{ $fy } · स्तर { $tier } · { $verdict }{" "}
tui-progress-pace = गति
tui-progress-your-hours = आपके घंटे
tui-progress-apr = अप्रैल
tui-progress-oct = अक्टूबर
tui-progress-mar = मार्च
tui-progress-chart = {" "}माहवार घंटे: { $target } में से { $done } · { $glyph } आपके · • समान गति{" "}

## योजना दृश्य
tui-plan-box = {" योजना "}
tui-plan-title = {" "}योजना { $fy }: { $verdict }{" "}
tui-plan-next-steps = अगले कदम ({ $n }), पिछड़े या समय-सीमा पार पहले
tui-plan-proposal = प्रस्ताव: { $n } पाठ्यक्रम, हर एक एक बार, अनिवार्य पहले; +: आपकी चयन-सूची में
tui-plan-step-not-course = यह पंक्ति एक अपेक्षा का कदम है: प्रस्ताव के किसी पाठ्यक्रम पर नीचे (j) जाएँ।

## स्थिति पंक्ति और निष्कर्ष
tui-verdict-on-track = समय पर
tui-verdict-behind = पिछड़े
tui-status-met = karmadash { $fy }: { $met }/{ $all } पूर्ण
tui-status-hours = { $done }/{ $target } घंटे
tui-status-next-due = अंतिम तिथि { $date } ({ $days } दिन)
tui-status-overdue = { $n } समय-सीमा पार
tui-plan-pace = गति: { $verdict }; { $n ->
    [0] वर्ष की हर अपेक्षा पूरी है।
   *[other] { $n } अपेक्षाएँ खुली हैं, हर एक का अगला कदम नीचे।
}
tui-plan-no-hours = घंटे: इस वर्ष घंटों का कोई लक्ष्य खुला नहीं।
tui-plan-hours = घंटे: { $target } में से { $done } पूर्ण; { $due } तक { $needed } और चाहिए: सप्ताह में { $week } घंटे।
tui-plan-shortlist-empty = चयन-सूची: खाली; प्रस्तावित पाठ्यक्रम पर s उसे उसके घंटों सहित जोड़ता है।
tui-plan-shortlist = चयन-सूची: { $n } पाठ्यक्रम, { $known } घंटे ज्ञात{ $unknown ->
    [0] {""}
   *[other] ; { $unknown } की अवधि अज्ञात
}।
tui-plan-shortlist-gap = चयन-सूची: { $gap } घंटे की कमी में से { $known } घंटे ज्ञात, { $short ->
    [0] पर्याप्त
   *[other] { $short_hours } घंटे कम
}{ $unknown ->
    [0] {""}
   *[other] ; { $unknown } की अवधि अज्ञात
}।
tui-plan-unknown = अज्ञात
tui-plan-col-hours = घंटे
tui-plan-col-why = क्यों
tui-plan-col-course = पाठ्यक्रम
tui-plan-why-mandatory = अनिवार्य
tui-plan-why-assigned = सौंपा गया
tui-plan-why-shortlist = चयन-सूची
tui-plan-why-least-covered = कम पूरी दक्षता
tui-plan-why-portal = पोर्टल
tui-catalogue-not-synced = अभी सिंक नहीं
tui-catalogue-no-portal = अभी पोर्टल की पाठ्यक्रम सूची नहीं: `karmadash catalogue sync` उसे लाता है (नेटवर्क का उपयोग करने वाला एकमात्र आदेश)।
tui-catalogue-no-area = दक्षता क्षेत्र नहीं दिया गया
tui-catalogue-no-theme = विषय नहीं दिया गया
tui-no-profile = अभी प्रोफ़ाइल नहीं: बनाने के लिए { $key } दबाएँ।
tui-roster-col-officer = अधिकारी
tui-roster-col-tier = स्तर
tui-roster-col-hours = घंटे
tui-roster-col-mand = अनि.
tui-roster-col-verdict = स्थिति
tui-roster-col-next-due = अंतिम तिथि
tui-roster-col-flags = चिह्न
tui-roster-overdue = समय-सीमा पार
tui-roster-unmapped = स्तर अज्ञात
tui-roster-on-pace = गति पर
tui-roster-met = पूर्ण
tui-roster-exempt = छूट
tui-roster-unregistered = अपंजीकृत
tui-roster-needing-action = कार्रवाई आवश्यक
tui-roster-no-tier = कोई स्तर नहीं
tui-roster-due = अंतिम तिथि { $date }
tui-pane-above = {" "}· ↑ ऊपर { $n }
tui-pane-more = ↓ { $n } और: j से नीचे जाएँ
tui-standing-open = खुला
tui-standing-overdue = समय-सीमा पार
tui-standing-late = विलंब
tui-progress-more = {" "}↓ { $n } और (j/k से खिसकाएँ){" "}
tui-gauge = { $done } · { $due }
tui-gauge-courses = { $done }/{ $n } पाठ्यक्रम
tui-gauge-registered-late-on = पंजीकरण { $on }, अंतिम तिथि { $due } (विलंब)
tui-gauge-registered-late = पंजीकरण विलंब से
tui-gauge-passed = उत्तीर्ण
tui-gauge-registered-on = पंजीकरण { $on }
tui-gauge-registered = पंजीकृत, तिथि अज्ञात
tui-gauge-not-yet = अभी नहीं
tui-gauge-due = अंतिम तिथि { $date } ({ $days } दिन शेष)
tui-gauge-was-due = अंतिम तिथि { $date } थी ({ $days } दिन पहले)
tui-gauge-no-date = कोई तिथि नहीं

## डैशबोर्ड के संदेश
tui-already-recorded = पहले से दर्ज है: अभिलेख दृश्य (4) देखें।
tui-select-a-course = पहले एक पाठ्यक्रम चुनें (→ से पाठ्यक्रम सूची पर)।
tui-shortlist-added-here = आपकी चयन-सूची में जोड़ा गया: इसके घंटे ऊपर के कुल में गिने जाते हैं।
tui-shortlist-added = आपकी चयन-सूची में जोड़ा गया (योजना दृश्य, 3)।
tui-shortlist-dropped = आपकी चयन-सूची से हटाया गया।
tui-removed = "{ $title }" हटाया गया।
