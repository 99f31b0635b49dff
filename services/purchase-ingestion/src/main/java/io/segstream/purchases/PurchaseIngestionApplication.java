package io.segstream.purchases;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PurchaseIngestionApplication {
    public static void main(String[] args) {
        SpringApplication.run(PurchaseIngestionApplication.class, args);
    }
}
