package th.obec.apimr.rollup;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The roll-up page, {@code /rollup?cycle=<id>&round=MID_YEAR}: static HTML and script (static/rollup/) that read
 * the API above with the caller's authentication. The page itself holds no data.
 */
@Controller
class RollupPageController {

    @GetMapping("/rollup")
    String page() {
        return "forward:/rollup/index.html";
    }
}
