package th.obec.apimr;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ApimrApplication {

    public static void main(String[] args) {
        SpringApplication.run(ApimrApplication.class, args);
    }
}
