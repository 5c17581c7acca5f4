# karmadash का इंटरफ़ेस हिन्दी में। en.ftl जैसे ही id (tests/it/i18n.rs जाँचता है);
# किस शब्द के लिए कौन-सा हिन्दी शब्द है: GLOSSARY.md।
# GROUPED($n) संख्या को भारतीय ढंग से लिखता है (1,23,456); अंक लैटिन, जैसे पोर्टल पर।

## Shared

i18n-officers = { GROUPED($n) } अधिकारी
lang-name = हिन्दी
