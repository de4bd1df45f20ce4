package cn.zhenxing.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupTrainingTest {

  @Test
  void training_visits_a_server_over_the_seeds_and_cleans_up(@TempDir Path dir) throws Exception {
    Path work = dir.resolve("training");
    StartupTraining.run(TestServer.seeds(), work);
    assertFalse(Files.exists(work), "the training index is deleted");
  }

  @Test
  void training_fails_when_the_server_cannot_start_and_still_cleans_up(@TempDir Path dir) {
    Path work = dir.resolve("training");
    assertThrows(IllegalArgumentException.class, () -> StartupTraining.run(dir.resolve("no-seeds"), work));
    assertFalse(Files.exists(work), "the training index is deleted");
  }
}
