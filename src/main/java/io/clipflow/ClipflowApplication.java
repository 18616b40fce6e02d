package io.clipflow;

import java.nio.file.Path;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class ClipflowApplication {

    public static void main(String[] args) {
        // H2 file databases live under ./data. ShardingSphere only recognises H2 file URLs without dots
        // ("file:shards/ds0", not "file:./data/shards/ds0"), and H2 accepts such relative names only under a
        // base directory.
        if (System.getProperty("h2.baseDir") == null) {
            System.setProperty("h2.baseDir", Path.of("data").toAbsolutePath().toString());
        }
        SpringApplication.run(ClipflowApplication.class, args);
    }
}
