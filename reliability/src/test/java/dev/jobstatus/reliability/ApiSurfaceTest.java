package dev.jobstatus.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.core.paging.PagedIterable;
import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.core.polling.JobWaiter;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.opentelemetry.JobstatusTelemetry;
import dev.jobstatus.redis.RedisSharedState;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.wix.WixClient;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library modules' descriptors, read from the built classes: what they export is the public API, and nothing
 * in it may mention a type from a package they keep to themselves.
 */
class ApiSurfaceTest {
    private static final List<Class<?>> ANCHORS = List.of(
            JobState.class,
            NexudusClient.class,
            WixClient.class,
            AsanaClient.class,
            NexudusSimulator.class,
            RedisSharedState.class,
            JobstatusTelemetry.class);

    @Test
    void eachLibraryModuleIsNamedAndExportsItsInternalPackagesOnlyToTheSdk() throws Exception {
        Set<String> names = new TreeSet<>();
        for (ModuleReference module : modules()) {
            ModuleDescriptor descriptor = module.descriptor();
            names.add(descriptor.name());
            for (ModuleDescriptor.Exports export : descriptor.exports()) {
                if (export.source().contains(".internal")) {
                    assertThat(export.isQualified()).as(export.toString()).isTrue();
                    assertThat(export.targets()).allMatch(t -> t.startsWith("dev.jobstatus."));
                }
            }
            Set<String> exportedToAll = new TreeSet<>();
            descriptor.exports().stream().filter(e -> !e.isQualified()).forEach(e -> exportedToAll.add(e.source()));
            for (String pkg : descriptor.packages()) {
                boolean internal = pkg.endsWith(".internal") || pkg.contains(".internal.");
                assertThat(exportedToAll.contains(pkg))
                        .as(descriptor.name() + ": " + pkg
                                + (internal
                                        ? " is internal and must not be exported to everyone"
                                        : " is API and must be exported"))
                        .isEqualTo(!internal);
            }
        }
        assertThat(names)
                .containsExactly(
                        "dev.jobstatus.asana",
                        "dev.jobstatus.core",
                        "dev.jobstatus.nexudus",
                        "dev.jobstatus.opentelemetry",
                        "dev.jobstatus.redis",
                        "dev.jobstatus.testkit",
                        "dev.jobstatus.wix");
    }

    @Test
    void noPublicSignatureMentionsATypeOutsideTheExportedPackages() throws Exception {
        Set<String> exported = new TreeSet<>();
        List<String> classes = new ArrayList<>();
        for (ModuleReference module : modules()) {
            Set<String> packages = new TreeSet<>();
            module.descriptor().exports().stream().filter(e -> !e.isQualified()).forEach(e -> packages.add(e.source()));
            exported.addAll(packages);
            try (ModuleReader reader = module.open();
                    Stream<String> entries = reader.list()) {
                entries.filter(e -> e.endsWith(".class") && !e.endsWith("module-info.class"))
                        .map(e -> e.substring(0, e.length() - 6).replace('/', '.'))
                        .filter(c -> packages.contains(c.substring(0, c.lastIndexOf('.'))))
                        .forEach(classes::add);
            }
        }
        assertThat(classes).hasSizeGreaterThan(50);

        List<String> leaks = new ArrayList<>();
        for (String name : classes) {
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            if (!isVisible(type)) {
                continue;
            }
            check(type.getName() + " extends", type.getGenericSuperclass(), exported, leaks);
            for (Type implemented : type.getGenericInterfaces()) {
                check(type.getName() + " implements", implemented, exported, leaks);
            }
            for (Field field : type.getDeclaredFields()) {
                if (isVisible(field.getModifiers())) {
                    check(type.getName() + "." + field.getName(), field.getGenericType(), exported, leaks);
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (isVisible(method.getModifiers()) && !method.isSynthetic()) {
                    check(
                            type.getName() + "." + method.getName() + "()",
                            method.getGenericReturnType(),
                            exported,
                            leaks);
                    checkParameters(type.getName() + "." + method.getName(), method, exported, leaks);
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (isVisible(constructor.getModifiers()) && !constructor.isSynthetic()) {
                    checkParameters(type.getName() + ".<init>", constructor, exported, leaks);
                }
            }
        }
        assertThat(leaks)
                .as("public or protected signatures that mention a non-exported SDK type")
                .isEmpty();
    }

    /**
     * The naming rule of CONTRIBUTING.md, checked on every public method of the exported packages: the same verb for
     * the same shape on every client.
     */
    @Test
    void everyClientNamesTheSameShapeTheSameWay() throws Exception {
        List<String> broken = new ArrayList<>();
        for (String name : exportedClasses()) {
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            if (!isVisible(type)) {
                continue;
            }
            boolean queryOrOptions = type.getSimpleName().endsWith("Query")
                    || type.getSimpleName().endsWith("Options");
            if (queryOrOptions && !type.getName().startsWith("dev.jobstatus.cli")) {
                if (type.isRecord()
                        || Stream.of(type.getConstructors()).findAny().isPresent()) {
                    broken.add(name + ": queries and options are final classes built only by their builders");
                }
            }
            for (Method method : type.getMethods()) {
                if (method.getDeclaringClass() != type || method.isSynthetic()) {
                    continue;
                }
                String m = type.getSimpleName() + "." + method.getName();
                Class<?> returns = method.getReturnType();
                boolean allPages = PagedIterable.class.isAssignableFrom(returns);
                boolean onePage = returns.getSimpleName().endsWith("Page")
                        && returns.getName().startsWith("dev.jobstatus.")
                        && !returns.getName().startsWith("dev.jobstatus.core");
                if (allPages != method.getName().startsWith("listAll") && !type.equals(PagedIterable.class)) {
                    broken.add(m + ": all pages lazily is listAll…, and only that returns a PagedIterable");
                }
                if (onePage
                        && !(method.getName().startsWith("list")
                                && !method.getName().startsWith("listAll"))) {
                    broken.add(m + ": one page is list…, not listAll…");
                }
                if (CompletableFuture.class.isAssignableFrom(returns)
                                != method.getName().endsWith("Async")
                        && !method.getName().startsWith("await")) {
                    broken.add(m + ": a CompletableFuture is returned by …Async methods, and only by them");
                }
                if (JobWaiter.class.equals(returns) != method.getName().equals("waiter")
                        && !type.equals(JobWaiter.class)) {
                    broken.add(m + ": a JobWaiter comes from waiter(…)");
                }
                if (type.getSimpleName().equals("Builder")
                        && type.getDeclaringClass() != null
                        && type.getDeclaringClass().getSimpleName().endsWith("Query")
                        && (method.getName().equals("size") || method.getName().equals("limit"))) {
                    broken.add(m + ": a page size is pageSize(…); limit means a total");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    private List<String> exportedClasses() throws Exception {
        List<String> classes = new ArrayList<>();
        for (ModuleReference module : modules()) {
            Set<String> packages = new TreeSet<>();
            module.descriptor().exports().stream().filter(e -> !e.isQualified()).forEach(e -> packages.add(e.source()));
            try (ModuleReader reader = module.open();
                    Stream<String> entries = reader.list()) {
                entries.filter(e -> e.endsWith(".class")
                                && !e.endsWith("module-info.class")
                                && !e.endsWith("package-info.class"))
                        .map(e -> e.substring(0, e.length() - 6).replace('/', '.'))
                        .filter(c -> packages.contains(c.substring(0, c.lastIndexOf('.'))))
                        .forEach(classes::add);
            }
        }
        return classes;
    }

    private static List<ModuleReference> modules() throws URISyntaxException {
        List<Path> locations = new ArrayList<>();
        for (Class<?> anchor : ANCHORS) {
            locations.add(Path.of(
                    anchor.getProtectionDomain().getCodeSource().getLocation().toURI()));
        }
        List<ModuleReference> modules = new ArrayList<>();
        for (Path location : locations) {
            ModuleReference module =
                    ModuleFinder.of(location).findAll().stream().findFirst().orElseThrow();
            assertThat(module.descriptor().isAutomatic())
                    .as(location + " has a module-info")
                    .isFalse();
            modules.add(module);
        }
        return modules;
    }

    static boolean isVisible(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
            if (!isVisible(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    static boolean isVisible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void checkParameters(String where, Executable executable, Set<String> exported, List<String> leaks) {
        for (Type parameter : executable.getGenericParameterTypes()) {
            check(where + "(…)", parameter, exported, leaks);
        }
        for (Type thrown : executable.getGenericExceptionTypes()) {
            check(where + " throws", thrown, exported, leaks);
        }
    }

    private static void check(String where, Type type, Set<String> exported, List<String> leaks) {
        if (type instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (c.getName().startsWith("dev.jobstatus.") && !exported.contains(c.getPackageName())) {
                leaks.add(where + ": " + c.getName());
            }
        } else if (type instanceof ParameterizedType p) {
            check(where, p.getRawType(), exported, leaks);
            for (Type argument : p.getActualTypeArguments()) {
                check(where, argument, exported, leaks);
            }
        } else if (type instanceof GenericArrayType a) {
            check(where, a.getGenericComponentType(), exported, leaks);
        } else if (type instanceof WildcardType w) {
            Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds()))
                    .forEach(t -> check(where, t, exported, leaks));
        } else if (type instanceof TypeVariable<?> v) {
            for (Type bound : v.getBounds()) {
                if (bound != v.getGenericDeclaration()) {
                    check(
                            where,
                            bound instanceof ParameterizedType ? ((ParameterizedType) bound).getRawType() : bound,
                            exported,
                            leaks);
                }
            }
        }
    }
}
