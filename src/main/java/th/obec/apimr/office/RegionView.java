package th.obec.apimr.office;

import java.util.List;

/**
 * An inspection region (เขตตรวจราชการ).
 *
 * @param code        {@code 01}..{@code 18}, or {@code 00} for ส่วนกลาง (Bangkok)
 * @param nameTh      e.g. เขตตรวจราชการที่ 15
 * @param nameEn      e.g. Inspection Region 15
 * @param provincesTh the provinces of the region
 */
public record RegionView(String code, String nameTh, String nameEn, List<String> provincesTh) {
}
