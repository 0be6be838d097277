package th.obec.apimr.office;

/** One validated row of the inspection region CSV. */
record RegionRecord(String code, String nameTh, String nameEn, String provincesTh, String provincesEn) {
}
