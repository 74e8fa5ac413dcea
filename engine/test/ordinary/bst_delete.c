// bst_delete: a binary search tree with insertion, deletion of leaves, one-child and two-child
// nodes (in-order successor), height, in-order and pre-order printing, and a final free.
#include <stdio.h>
#include <stdlib.h>

struct tree {
  int key;
  struct tree *left, *right;
};

static struct tree *insert(struct tree *t, int key) {
  if (!t) {
    t = malloc(sizeof *t);
    t->key = key;
    t->left = t->right = NULL;
  } else if (key < t->key) t->left = insert(t->left, key);
  else if (key > t->key) t->right = insert(t->right, key);
  return t;
}

static struct tree *delete(struct tree *t, int key, int *found) {
  if (!t) return NULL;
  if (key < t->key) t->left = delete(t->left, key, found);
  else if (key > t->key) t->right = delete(t->right, key, found);
  else {
    *found = 1;
    if (!t->left || !t->right) {
      struct tree *child = t->left ? t->left : t->right;
      free(t);
      return child;
    }
    struct tree *s = t->right;
    while (s->left) s = s->left;
    t->key = s->key;
    t->right = delete(t->right, s->key, found);
  }
  return t;
}

static int height(const struct tree *t) {
  if (!t) return 0;
  int l = height(t->left), r = height(t->right);
  return 1 + (l > r ? l : r);
}

static void inorder(const struct tree *t) {
  if (!t) return;
  inorder(t->left);
  printf(" %d", t->key);
  inorder(t->right);
}

static void preorder(const struct tree *t) {
  if (!t) {
    printf(" .");
    return;
  }
  printf(" %d", t->key);
  preorder(t->left);
  preorder(t->right);
}

static void destroy(struct tree *t) {
  if (!t) return;
  destroy(t->left);
  destroy(t->right);
  free(t);
}

static void show(const struct tree *t) {
  printf("in:");
  inorder(t);
  printf("  height %d\npre:", height(t));
  preorder(t);
  printf("\n");
}

int main(void) {
  int keys[] = {50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30, 85, 10};
  struct tree *t = NULL;
  for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) t = insert(t, keys[i]);
  show(t);
  int victims[] = {10, 30, 70, 50, 99, 35};
  for (size_t i = 0; i < sizeof victims / sizeof victims[0]; i++) {
    int found = 0;
    t = delete(t, victims[i], &found);
    printf("delete %d: %s\n", victims[i], found ? "ok" : "absent");
    show(t);
  }
  destroy(t);
  return 0;
}
