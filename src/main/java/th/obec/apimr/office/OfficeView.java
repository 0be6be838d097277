package th.obec.apimr.office;

import java.util.List;

/**
 * An area office as other capabilities see it.
 *
 * @param code         office code, e.g. {@code P5002} (see data/README.md)
 * @param type         primary (สพป.) or secondary (สพม.)
 * @param shortNameTh  e.g. สพป.เชียงใหม่ เขต 2
 * @param fullNameTh   e.g. สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 2
 * @param provincesTh  the provinces the office serves, in the order of the office list
 * @param regionCode   inspection region, {@code 00}..{@code 18}
 * @param regionNameTh e.g. เขตตรวจราชการที่ 15
 * @param active       false once the office has disappeared from an import
 */
public record OfficeView(String code, OfficeType type, String shortNameTh, String fullNameTh,
                         List<String> provincesTh, String regionCode, String regionNameTh, boolean active) {
}
