package org.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cpis.Fixtures.TestEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The null policy of {@code org.cpis} (its package documentation): every public method of the
 * facade, called with null for its object parameters, throws {@link NullPointerException} naming
 * one of them, before it touches the store.
 */
@DisplayName("The null policy")
class NullPolicyTest {

  private final TestEngine t = new TestEngine();

  @Test
  @DisplayName("Every public method of the facade given null throws NullPointerException naming a parameter, and changes nothing")
  void everyNullArgumentIsNamed() throws Exception {
    List<Object> facades =
        List.of(t.cpis, Cpis.builder(), t.islington(), t.cpis.health(), t.cpis.reviews(t.islington().odsCode()));
    List<String> checked = new ArrayList<>();
    for (Object facade : facades) {
      for (Method method : facade.getClass().getMethods()) {
        if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())) {
          continue;
        }
        checkNullsAreNamed(facade, method, checked);
      }
    }
    for (Method method : UploadCsv.class.getMethods()) {
      if (method.getDeclaringClass() == UploadCsv.class) {
        checkNullsAreNamed(null, method, checked);
      }
    }

    assertThat(checked).as("methods checked").hasSizeGreaterThan(25)
        .contains("UploadCsv.read", "UploadCsv.write", "LocalAuthorityDesk.upload", "Cpis.startDispatcher");
    assertThat(t.islington().plans()).isEmpty();
    assertThat(t.unsealed()).as("no audit record for a refused call").isEmpty();
  }

  private static void checkNullsAreNamed(Object target, Method method, List<String> checked) throws IllegalAccessException {
    Parameter[] parameters = method.getParameters();
    if (Arrays.stream(parameters).allMatch(p -> p.getType().isPrimitive())) {
      return;
    }
    Object[] args = Arrays.stream(parameters).map(p -> zero(p.getType())).toArray();
    String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
    try {
      method.invoke(target, args);
      fail(name + " accepted null");
    } catch (InvocationTargetException e) {
      assertThat(e.getCause()).as(name).isInstanceOf(NullPointerException.class);
      String message = e.getCause().getMessage();
      assertThat(Arrays.stream(parameters).filter(p -> !p.getType().isPrimitive()).map(Parameter::getName))
          .as("%s names a parameter in its message %s", name, message)
          .anyMatch(p -> p.equals(message) || (message != null && message.startsWith(p + "[")));
    }
    checked.add(name);
  }

  private static Object zero(Class<?> type) {
    if (!type.isPrimitive()) {
      return null;
    }
    return type == boolean.class ? false : type == int.class ? 1 : type == long.class ? 1L : type == double.class ? 1.0 : null;
  }
}
