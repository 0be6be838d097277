package th.obec.apimr.office;

/** One validated row of the office CSV. */
record OfficeRecord(String code, OfficeType type, String shortNameTh, String fullNameTh, Integer areaNo,
                    String provincesTh, String seatProvinceCode, String seatProvinceEn, String regionCode) {
}
